package io.simianviz.bench;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The floor of a nanoservice hop in Vert.x, beside bench/hop-floor.sh's nginx: a front server that
 * calls a back server in the same process over loopback, both speaking the nanoservice's wire
 * format (POST /request with a JSON request and a traceparent header, a JSON reply with the
 * instance, tier and 64 bytes of payload, parsed by the caller), set up as the local runtime is
 * (one event loop per core, native epoll, a keep-alive HTTP/1.1 pool). What it leaves out is the
 * simulation: discovery, zones, service times, retries, statistics, spans.
 *
 * <p>usage: java -jar bench/target/simianviz-bench.jar FRONT BACK (each host:port), built by the
 * bench module (bench/hop-floor.sh builds it when missing); prints "ready" once both listen. wrk
 * drives FRONT with GETs, so a request is two hops.
 */
public final class VertxHopFloor {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String PAYLOAD = "x".repeat(64);

  public static void main(String[] args) throws Exception {
    String[] front = args[0].split(":");
    String[] back = args[1].split(":");
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
                .setPreferNativeTransport(true));
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(64));
    listen(vertx, back, VertxHopFloor::answer);
    listen(vertx, front, req -> forward(client, back, req));
    System.out.println("ready");
  }

  private static void listen(Vertx vertx, String[] at, Handler<HttpServerRequest> handler)
      throws Exception {
    vertx
        .createHttpServer(
            new HttpServerOptions()
                .setHost(at[0])
                .setPort(Integer.parseInt(at[1]))
                .setTcpNoDelay(true))
        .requestHandler(handler)
        .listen()
        .toCompletionStage()
        .toCompletableFuture()
        .get();
  }

  private static void answer(HttpServerRequest req) {
    req.body()
        .onSuccess(
            body -> {
              JsonObject request = body.toJsonObject();
              JsonObject reply =
                  new JsonObject()
                      .put("found", false)
                      .put("key", request.getString("key"))
                      .put("instance", "back")
                      .put("tier", "back")
                      .put("payload", PAYLOAD);
              req.response().putHeader("content-type", "application/json").end(reply.toBuffer());
            });
  }

  private static void forward(HttpClient client, String[] back, HttpServerRequest req) {
    RequestOptions call =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(back[0])
            .setPort(Integer.parseInt(back[1]))
            .setURI("/request")
            .putHeader("content-type", "application/json")
            .putHeader("traceparent", TRACEPARENT);
    Buffer request =
        new JsonObject()
            .put("op", "GET")
            .put("key", "key" + ThreadLocalRandom.current().nextInt(1000))
            .toBuffer();
    client
        .request(call)
        .compose(r -> r.send(request))
        .compose(HttpClientResponse::body)
        .map(Buffer::toJsonObject)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                req.response()
                    .putHeader("content-type", "application/json")
                    .end(ar.result().put("payload", PAYLOAD).toBuffer());
              } else {
                req.response().setStatusCode(502).end();
              }
            });
  }
}
