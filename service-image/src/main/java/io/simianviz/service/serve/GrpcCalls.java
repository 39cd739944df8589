package io.simianviz.service.serve;

import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.grpc.CallReply;
import io.simianviz.service.grpc.CallRequest;
import io.simianviz.service.grpc.GrpcMessages;
import io.simianviz.service.grpc.GrpcStatuses;
import io.simianviz.service.grpc.HealthMethods;
import io.simianviz.service.grpc.ServerReflection;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import java.util.function.BooleanSupplier;

/**
 * The gRPC face of an instance: {@code simianviz.v1.Nanoservice/Call} on the same port as the JSON
 * and admin routes (one listening socket per instance), trace context in the metadata. A reply with
 * status 2xx is sent as a CallReply; any other ends the call with a gRPC status ({@link
 * GrpcStatuses}) and the message of the error. Beside it, the standard health service ({@link
 * GrpcHealth}) and server reflection ({@link ServerReflection}), which are not counted as requests.
 */
final class GrpcCalls {
  private final RequestServing serving;
  private final GrpcHealth health;
  private final GrpcServer server;

  /**
   * @param ready whether the instance is ready for traffic, which its health service reports
   */
  GrpcCalls(Vertx vertx, RequestServing serving, BooleanSupplier ready) {
    this.serving = serving;
    this.health = new GrpcHealth(vertx, ready);
    this.server =
        GrpcServer.server(vertx)
            .callHandler(GrpcMessages.SERVER_CALL, this::onCall)
            .callHandler(HealthMethods.CHECK, health::check)
            .callHandler(HealthMethods.WATCH, health::watch)
            .callHandler(HealthMethods.LIST, health::list)
            .callHandler(ServerReflection.V1, GrpcCalls::reflect)
            .callHandler(ServerReflection.V1ALPHA, GrpcCalls::reflect)
            .callHandler(
                other ->
                    other
                        .response()
                        .status(GrpcStatus.UNIMPLEMENTED)
                        .statusMessage(
                            "no method "
                                + other.fullMethodName()
                                + "; this server has "
                                + GrpcMessages.SERVICE.pathOf(GrpcMessages.METHOD)
                                + ", the health service and server reflection")
                        .end());
  }

  /** Whether a request is a gRPC call (gRPC-Web, which Vert.x 4 does not serve, is not). */
  static boolean isGrpc(HttpServerRequest req) {
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    return type != null
        && type.startsWith("application/grpc")
        && !type.startsWith("application/grpc-web");
  }

  void handle(HttpServerRequest req) {
    server.handle(req);
  }

  GrpcHealth health() {
    return health;
  }

  /** One ServerReflectionInfo stream: an answer to each request, the end when the caller ends. */
  private static void reflect(
      GrpcServerRequest<ServerReflectionRequest, ServerReflectionResponse> call) {
    call.handler(
        request -> {
          try {
            call.response().write(ServerReflection.NANOSERVICE.answer(request));
          } catch (IllegalStateException e) {
            // The caller reset the stream: there is no one to answer.
          }
        });
    call.endHandler(
        v -> {
          try {
            call.response().end();
          } catch (IllegalStateException e) {
            // The caller reset the stream: there is no one to answer.
          }
        });
  }

  private void onCall(GrpcServerRequest<CallRequest, CallReply> call) {
    Hop hop = serving.arrived(call.headers(), Protocol.GRPC);
    call.last()
        .onComplete(
            ar -> {
              Request request;
              try {
                if (ar.failed()) {
                  throw new IllegalArgumentException("no CallRequest received: " + ar.cause());
                }
                request = GrpcMessages.toRequest(ar.result());
              } catch (IllegalArgumentException e) {
                respond(call, serving.reject(hop, e.getMessage()));
                return;
              }
              serving.serve(hop, request, reply -> respond(call, reply));
            });
  }

  private static void respond(GrpcServerRequest<CallRequest, CallReply> call, Reply reply) {
    try {
      write(call.response(), reply);
    } catch (IllegalStateException e) {
      // The caller reset the stream (gave up); the hop is counted, there is no one to answer.
    }
  }

  private static void write(GrpcServerResponse<CallRequest, CallReply> response, Reply reply) {
    GrpcStatus code = GrpcStatuses.toGrpc(reply.status());
    if (code == GrpcStatus.OK) {
      response.end(GrpcMessages.toProto(reply));
      return;
    }
    // The message goes in as a trailer of ours, not statusMessage(): see encodeMessage.
    response.status(code);
    response
        .trailers()
        .set(GrpcStatuses.MESSAGE_TRAILER, GrpcStatuses.encodeMessage(reply.errorMessage()))
        .set(GrpcStatuses.STATUS_TRAILER, Integer.toString(reply.status()));
    response.end();
  }
}
