package io.simianviz.service.serve;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthListRequest;
import io.grpc.health.v1.HealthListResponse;
import io.simianviz.service.grpc.GrpcMessages;
import io.simianviz.service.grpc.GrpcStatuses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The standard gRPC health service of one instance, {@code grpc.health.v1.Health}: the server as a
 * whole (the empty service name) and {@code simianviz.v1.Nanoservice} are SERVING while the
 * instance is ready (listening and registered, as {@code /health/ready} answers 200) and
 * NOT_SERVING otherwise: before it is registered and once it stops gracefully. Any other name is
 * unknown: Check fails with NOT_FOUND, Watch answers SERVICE_UNKNOWN. Watch sends the current
 * status and then each change, and a graceful stop tells the watchers NOT_SERVING before the server
 * closes ({@link #changed}). Kubernetes' native grpc probes call Check with the empty name.
 */
final class GrpcHealth {
  /** How long a graceful stop waits for the watchers to be sent NOT_SERVING. */
  static final long TELL_WATCHERS_MS = 1000;

  private static final Set<String> SERVICES = Set.of("", GrpcMessages.SERVICE.fullyQualifiedName());

  private final Vertx vertx;
  private final BooleanSupplier ready;
  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

  GrpcHealth(Vertx vertx, BooleanSupplier ready) {
    this.vertx = vertx;
    this.ready = ready;
  }

  /** The status of a service name; SERVICE_UNKNOWN for a name this server does not have. */
  ServingStatus status(String service) {
    if (!SERVICES.contains(service)) {
      return ServingStatus.SERVICE_UNKNOWN;
    }
    return ready.getAsBoolean() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }

  void check(GrpcServerRequest<HealthCheckRequest, HealthCheckResponse> call) {
    call.last()
        .onSuccess(
            request -> {
              ServingStatus status = status(request.getService());
              if (status == ServingStatus.SERVICE_UNKNOWN) {
                fail(
                    call.response(),
                    GrpcStatus.NOT_FOUND,
                    "unknown service " + request.getService());
              } else {
                end(call.response(), reply(status));
              }
            });
  }

  void list(GrpcServerRequest<HealthListRequest, HealthListResponse> call) {
    call.last()
        .onSuccess(
            request -> {
              HealthListResponse.Builder reply = HealthListResponse.newBuilder();
              SERVICES.forEach(s -> reply.putStatuses(s, reply(status(s))));
              end(call.response(), reply.build());
            });
  }

  void watch(GrpcServerRequest<HealthCheckRequest, HealthCheckResponse> call) {
    Context context = vertx.getOrCreateContext();
    call.last()
        .onSuccess(
            request -> {
              Watcher watcher = new Watcher(context, call.response(), request.getService());
              watchers.add(watcher);
              // The caller cancelled, or the connection closed: nothing more to send.
              call.errorHandler(e -> watchers.remove(watcher));
              call.exceptionHandler(e -> watchers.remove(watcher));
              call.response().exceptionHandler(e -> watchers.remove(watcher));
              watcher.update();
            });
  }

  /**
   * Sends each watcher the status it now has if that differs from the last one it was sent. The
   * future completes once they are written, or after {@link #TELL_WATCHERS_MS} at most, so a stop
   * can close the server after the watchers heard of it without waiting on a stuck one.
   */
  Future<Void> changed() {
    if (watchers.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Void>> told = watchers.stream().map(Watcher::update).toList();
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(TELL_WATCHERS_MS, t -> done.tryComplete());
    Future.join(told)
        .onComplete(
            ar -> {
              vertx.cancelTimer(timer);
              done.tryComplete();
            });
    return done.future();
  }

  /** Calls being watched now: for tests. */
  int watching() {
    return watchers.size();
  }

  private static HealthCheckResponse reply(ServingStatus status) {
    return HealthCheckResponse.newBuilder().setStatus(status).build();
  }

  private static <T> void end(GrpcServerResponse<?, T> response, T message) {
    try {
      response.end(message);
    } catch (IllegalStateException e) {
      // The caller reset the stream: there is no one to answer.
    }
  }

  private static void fail(GrpcServerResponse<?, ?> response, GrpcStatus code, String message) {
    try {
      // The message as a trailer of ours, not statusMessage(): see GrpcStatuses.encodeMessage.
      response.status(code);
      response.trailers().set(GrpcStatuses.MESSAGE_TRAILER, GrpcStatuses.encodeMessage(message));
      response.end();
    } catch (IllegalStateException e) {
      // The caller reset the stream: there is no one to answer.
    }
  }

  /** One Watch call; its fields are used on the context of its connection only. */
  private final class Watcher {
    private final Context context;
    private final GrpcServerResponse<HealthCheckRequest, HealthCheckResponse> response;
    private final String service;
    private ServingStatus sent;

    Watcher(
        Context context,
        GrpcServerResponse<HealthCheckRequest, HealthCheckResponse> response,
        String service) {
      this.context = context;
      this.response = response;
      this.service = service;
    }

    /** Sends the current status unless it was the last one sent; completes once written. */
    Future<Void> update() {
      Promise<Void> written = Promise.promise();
      context.runOnContext(
          v -> {
            ServingStatus now = status(service);
            if (now == sent) {
              written.complete();
              return;
            }
            sent = now;
            try {
              response
                  .write(reply(now))
                  .onComplete(
                      ar -> {
                        if (ar.failed()) {
                          watchers.remove(this);
                        }
                        written.handle(ar);
                      });
            } catch (IllegalStateException e) {
              // The stream is already over.
              watchers.remove(this);
              written.complete();
            }
          });
      return written.future();
    }
  }
}
