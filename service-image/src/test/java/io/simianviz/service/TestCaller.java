package io.simianviz.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.Protocol;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.grpc.CallReply;
import io.simianviz.service.grpc.CallRequest;
import io.simianviz.service.grpc.GrpcMessages;
import io.simianviz.service.grpc.GrpcStatuses;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import java.util.function.Supplier;

/**
 * The test's HTTP/2 and gRPC clients, configured here rather than borrowed from the service, and
 * checking that the protocol on the wire is the one asked for. Calls start on one Vert.x context,
 * as a service's do: started from the test thread, the Vert.x 4.5 HTTP/2 client now and then (3 in
 * 1,500 calls here) never delivered a response that the server had sent.
 */
final class TestCaller {
  private static final ServiceMethod<CallReply, CallRequest> CALL =
      ServiceMethod.client(
          ServiceName.create("simianviz.v1.Nanoservice"),
          "Call",
          GrpcMessageEncoder.encoder(),
          GrpcMessageDecoder.decoder(CallReply.parser()));

  /** Longer than any call the services make, shorter than the test's own wait. */
  private static final long ANSWER_MS = 10_000;

  private final Context context;
  private final HttpClient http2;
  private final GrpcClient grpc;

  TestCaller(Vertx vertx) {
    this.context = vertx.getOrCreateContext();
    HttpClientOptions priorKnowledge =
        new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_2)
            .setHttp2ClearTextUpgrade(false);
    this.http2 = vertx.createHttpClient(priorKnowledge);
    this.grpc = GrpcClient.client(vertx);
  }

  Future<Reply> call(Protocol protocol, Endpoint target, Request request, String traceparent) {
    return onContext(
        () ->
            switch (protocol) {
              case HTTP2 -> json(target, request, traceparent);
              case GRPC -> grpc(target, request, traceparent);
              case HTTP ->
                  throw new IllegalArgumentException("HTTP/1.1 goes through the JDK client");
            });
  }

  private <T> Future<T> onContext(Supplier<Future<T>> call) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> call.get().onComplete(result));
    return result.future();
  }

  private Future<Reply> json(Endpoint target, Request request, String traceparent) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(target.host())
            .setPort(target.port())
            .setURI(Nanoservice.REQUEST_PATH)
            .setIdleTimeout(ANSWER_MS)
            .putHeader("content-type", "application/json");
    if (traceparent != null) {
      options.putHeader(TraceContext.TRACEPARENT, traceparent);
    }
    return http2
        .request(options)
        .compose(r -> r.send(request.toJson().toBuffer()))
        .compose(
            resp -> {
              assertThat(resp.version()).isEqualTo(HttpVersion.HTTP_2);
              return resp.body().map(body -> new Reply(resp.statusCode(), new JsonObject(body)));
            });
  }

  private Future<Reply> grpc(Endpoint target, Request request, String traceparent) {
    return grpc.request(SocketAddress.inetSocketAddress(target.port(), target.host()), CALL)
        .compose(
            call -> {
              if (traceparent != null) {
                call.headers().set(TraceContext.TRACEPARENT, traceparent);
              }
              call.idleTimeout(ANSWER_MS);
              return call.send(GrpcMessages.toProto(request));
            })
        .compose(
            resp ->
                resp.last()
                    .transform(
                        ar -> {
                          if (resp.status() == GrpcStatus.OK) {
                            return Future.succeededFuture(GrpcMessages.toReply(ar.result()));
                          }
                          // Errors come back trailers-only: the metadata is in the headers.
                          return Future.succeededFuture(
                              GrpcStatuses.toReply(
                                  resp.status(), resp.statusMessage(), resp.headers()));
                        }));
  }

  /** Calls a method the service does not have; completes with the gRPC status it ended with. */
  Future<GrpcStatus> callMissingMethod(Endpoint target) {
    ServiceMethod<CallReply, CallRequest> missing =
        ServiceMethod.client(
            ServiceName.create("simianviz.v1.Nanoservice"),
            "Missing",
            GrpcMessageEncoder.encoder(),
            GrpcMessageDecoder.decoder(CallReply.parser()));
    return onContext(
        () ->
            grpc.request(SocketAddress.inetSocketAddress(target.port(), target.host()), missing)
                .compose(call -> call.send(CallRequest.newBuilder().setKey("k").build()))
                .compose(
                    resp -> resp.end().transform(ar -> Future.succeededFuture(resp.status()))));
  }

  Future<Void> close() {
    return Future.join(http2.close(), grpc.close()).mapEmpty();
  }
}
