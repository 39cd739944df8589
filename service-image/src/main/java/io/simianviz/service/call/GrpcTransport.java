package io.simianviz.service.call;

import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.discovery.LoopAffinity;
import io.simianviz.service.grpc.CallReply;
import io.simianviz.service.grpc.CallRequest;
import io.simianviz.service.grpc.GrpcMessages;
import io.simianviz.service.grpc.GrpcStatuses;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VertxException;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcStatus;

/**
 * gRPC calls to {@code simianviz.v1.Nanoservice/Call}, the trace context in the metadata. A call
 * that ends with a gRPC error status is a reply (its status mapped back by {@link GrpcStatuses}),
 * as an HTTP error status is; only an unreachable, reset or silent instance fails the send.
 */
final class GrpcTransport implements Transport {
  private final GrpcClient client;

  GrpcTransport(GrpcClient client) {
    this.client = client;
  }

  @Override
  public void send(Endpoint target, Request request, TraceContext parent, CallDeadline deadline) {
    client
        .request(
            SocketAddress.inetSocketAddress(LoopAffinity.port(target), target.host()),
            GrpcMessages.CLIENT_CALL)
        .compose(
            call -> {
              // The deadline's sweep cancels the call (a reset stream), not a timer per call.
              if (!deadline.abortWith(call::cancel)) {
                call.cancel();
                return Future.failedFuture(CallDeadline.tooLate());
              }
              call.headers().set(TraceContext.TRACEPARENT, parent.traceparent());
              call.headers().set(TraceContext.HOPS, parent.hopsHeader());
              // Set as grpc-java would from a deadline; no timer here, the sweep keeps it.
              call.headers()
                  .set(DeadlineHeaders.GRPC, DeadlineHeaders.grpc(deadline.remainingNanos()));
              return call.send(GrpcMessages.toProto(request));
            })
        .compose(GrpcTransport::read)
        .onComplete(deadline);
  }

  private static Future<Reply> read(GrpcClientResponse<CallRequest, CallReply> response) {
    Promise<Reply> reply = Promise.promise();
    // Vert.x reports a reset stream only here, not by failing the response; without this a
    // reset would leave the call waiting for ever.
    response.errorHandler(
        error -> reply.tryFail(new VertxException("stream reset: " + error.name(), true)));
    response
        .last()
        .onComplete(
            ar -> {
              GrpcStatus code = response.status();
              if (code != null && code != GrpcStatus.OK) {
                // A trailers-only answer (every error of ours) carries its metadata in the headers.
                var metadata =
                    response.trailers().contains(GrpcStatuses.STATUS_TRAILER)
                        ? response.trailers()
                        : response.headers();
                reply.tryComplete(GrpcStatuses.toReply(code, response.statusMessage(), metadata));
              } else if (ar.succeeded() && ar.result() != null) {
                reply.tryComplete(GrpcMessages.toReply(ar.result()));
              } else {
                reply.tryFail(
                    ar.failed()
                        ? ar.cause()
                        : new VertxException("gRPC call ended without a reply", true));
              }
            });
    return reply.future();
  }
}
