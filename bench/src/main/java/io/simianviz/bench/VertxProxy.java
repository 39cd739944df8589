package io.simianviz.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;

/**
 * The Vert.x floor of a karyon's hop, beside bench/nanoservice.sh's nginx proxy: a server that
 * passes each {@code GET /request?key=k} on to a backend (a store nanoservice) as the karyon does,
 * {@code POST /request} with the JSON request and the same headers, over a keep-alive HTTP/1.1 pool
 * of the same size, and returns the backend's reply bytes as they came. It is set up as a pod is
 * (Vert.x's default event loops, the JDK's NIO transport) and leaves out everything the nanoservice
 * adds to that: discovery, deadlines, retries, statistics, spans, the behaviour.
 *
 * <p>usage: java -cp bench/target/simianviz-bench.jar:bench/target/lib/*
 * io.simianviz.bench.VertxProxy LISTEN BACKEND (each host:port); prints "ready" once it listens.
 */
public final class VertxProxy {
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  // What a karyon sends a store for a request from outside: a traceparent of its own, the hop
  // count and the time left of its call timeout (header values as the nanoservice writes them).
  private static final CharSequence TRACEPARENT = HttpHeaders.createOptimized("traceparent");
  private static final CharSequence HOPS = HttpHeaders.createOptimized("simianviz-hops");
  private static final CharSequence TIME_LEFT =
      HttpHeaders.createOptimized("x-simianviz-timeout-ms");
  private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** A pod's pool to each dependency instance (the nanoservice's CallPolicy). */
  private static final int CONNECTIONS = 50;

  private VertxProxy() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: VertxProxy LISTEN BACKEND (each host:port)");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    HttpClient client =
        vertx
            .httpClientBuilder()
            .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true))
            .with(new PoolOptions().setHttp1MaxSize(CONNECTIONS))
            .build();
    String host = host(args[1]);
    int port = port(args[1]);
    vertx
        .createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
        .requestHandler(req -> forward(client, host, port, req))
        .listen(port(args[0]), host(args[0]))
        .onSuccess(server -> System.out.println("ready"))
        .onFailure(
            err -> {
              System.err.println("VertxProxy: cannot listen on " + args[0] + ": " + err);
              System.exit(1);
            });
  }

  static String host(String hostPort) {
    return hostPort.substring(0, hostPort.lastIndexOf(':'));
  }

  static int port(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }

  private static void forward(HttpClient client, String host, int port, HttpServerRequest req) {
    String query = req.query();
    String key = query != null && query.startsWith("key=") ? query.substring(4) : "key";
    Buffer body =
        Buffer.buffer(
            ("{\"op\":\"GET\",\"key\":\"" + key + "\"}").getBytes(StandardCharsets.US_ASCII));
    RequestOptions call =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(host)
            .setPort(port)
            .setURI("/request");
    client.request(
        call,
        ar -> {
          if (ar.failed()) {
            req.response().setStatusCode(502).end();
            return;
          }
          send(ar.result(), body, req);
        });
  }

  private static void send(HttpClientRequest call, Buffer body, HttpServerRequest req) {
    call.putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .putHeader(TRACEPARENT, PARENT)
        .putHeader(HOPS, "1")
        .putHeader(TIME_LEFT, "999")
        .response(
            ar -> {
              if (ar.failed()) {
                req.response().setStatusCode(502).end();
                return;
              }
              HttpClientResponse resp = ar.result();
              resp.body(
                  reply -> {
                    if (reply.failed()) {
                      req.response().setStatusCode(502).end();
                      return;
                    }
                    req.response()
                        .setStatusCode(resp.statusCode())
                        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                        .end(reply.result(), null);
                  });
            })
        .end(body, null);
  }
}
