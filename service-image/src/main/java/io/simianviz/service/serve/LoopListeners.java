package io.simianviz.service.serve;

import io.simianviz.service.InstanceConfig;
import io.simianviz.service.call.Transports;
import io.simianviz.service.discovery.LoopAffinity;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.ContextInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The listening sockets of one instance. A pod has one. In the local runtime, where every instance
 * shares the process's event loops, an instance listens once per loop, each socket served on its
 * loop, so that a caller can call the port of its own loop ({@link LoopAffinity}): the instance's
 * configured port on the loop it was started on, an ephemeral port on each other one. Each socket
 * takes every kind of call.
 */
final class LoopListeners {
  private final List<HttpServer> servers = new ArrayList<>();
  private int port;
  private List<Integer> loopPorts = List.of();

  private LoopListeners() {}

  /**
   * Listens on the caller's event loop and, when {@code loops} are given, on each other one; fails
   * (with every socket it opened closed again) if any cannot listen.
   *
   * @param loops the process's event loops in order, the caller's among them; empty for one socket
   */
  static Future<LoopListeners> listen(
      Vertx vertx, InstanceConfig config, Handler<HttpServerRequest> handler, List<Context> loops) {
    LoopListeners listeners = new LoopListeners();
    Context home = vertx.getOrCreateContext();
    List<Future<HttpServer>> listening = new ArrayList<>();
    if (loops.isEmpty()) {
      listening.add(listeners.listen(vertx, config, config.port(), handler));
    }
    for (Context loop : loops) {
      listening.add(
          sameLoop(loop, home)
              ? listeners.listen(vertx, config, config.port(), handler)
              : onContext(loop, () -> listeners.listen(vertx, config, 0, handler)));
    }
    return Future.join(listening)
        .transform(
            ar -> {
              if (ar.failed()) {
                return listeners.close().transform(closed -> Future.failedFuture(ar.cause()));
              }
              listeners.port = listening.get(0).result().actualPort();
              List<Integer> ports = new ArrayList<>();
              for (int i = 0; i < loops.size(); i++) {
                ports.add(listening.get(i).result().actualPort());
                if (sameLoop(loops.get(i), home)) {
                  listeners.port = ports.get(i);
                }
              }
              listeners.loopPorts = List.copyOf(ports);
              return Future.succeededFuture(listeners);
            });
  }

  /** The port on the loop the instance was started on. */
  int port() {
    return port;
  }

  /** Every loop's port in loop order, or none when the instance listens once. */
  List<Integer> loopPorts() {
    return loopPorts;
  }

  Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    synchronized (servers) {
      servers.forEach(s -> closing.add(s.close()));
    }
    return Future.join(closing).mapEmpty();
  }

  private Future<HttpServer> listen(
      Vertx vertx, InstanceConfig config, int port, Handler<HttpServerRequest> handler) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.host())
            .setPort(port)
            .setTcpNoDelay(true)
            .setReuseAddress(true)
            // HTTP/2 without TLS, by prior knowledge or upgrade: what http2 and grpc callers use.
            .setHttp2ClearTextEnabled(true)
            // No WebSockets here: without these, every connection's pipeline has an extension
            // handler that looks at every request for a WebSocket handshake.
            .setPerFrameWebSocketCompressionSupported(false)
            .setPerMessageWebSocketCompressionSupported(false);
    HttpServer server =
        vertx
            .createHttpServer(options)
            .connectionHandler(Transports::quietResets)
            .requestHandler(handler);
    synchronized (servers) {
      servers.add(server);
    }
    return server.listen();
  }

  private static boolean sameLoop(Context a, Context b) {
    return ((ContextInternal) a).nettyEventLoop().equals(((ContextInternal) b).nettyEventLoop());
  }

  /** Runs {@code action} on {@code context}: a server listens on the loop it is listened from. */
  private static <T> Future<T> onContext(Context context, Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }
}
