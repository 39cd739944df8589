package io.simianviz.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One running instance: its own HTTP server on its own address, the behaviour of its package, its
 * calls to dependencies, and the admin endpoints. {@code POST /request} takes a JSON {@link
 * Request} ({@code GET /request?key=k} is a shorthand for a GET, handy for load tools). Every
 * request ends in a reply, is timed into the tier's service series and, when sampled, becomes one
 * span.
 */
public final class Nanoservice {
  public static final String REQUEST_PATH = "/request";

  private final NodeContext node;
  private final InstanceConfig config;
  private final DependencyClient client;
  private final Behaviour behaviour;
  private final AdminRoutes admin;
  private final String payload;
  private HttpServer server;
  private volatile Endpoint endpoint;
  private volatile boolean ready;
  private TrafficSource traffic;

  private Nanoservice(NodeContext node, InstanceConfig config) {
    this.node = node;
    this.config = config;
    this.client = new DependencyClient(node, config, Behaviour.zoneAffinity(config.pkg()));
    this.behaviour = Behaviour.forPackage(node, config, client, this::isSelf);
    this.admin = new AdminRoutes(node, this);
    this.payload = "x".repeat(Math.max(0, config.responseBytes()));
  }

  /** Starts listening and registers with discovery; completes when it is ready for traffic. */
  public static Future<Nanoservice> start(NodeContext node, InstanceConfig config) {
    Nanoservice service = new Nanoservice(node, config);
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.host())
            .setPort(config.port())
            .setTcpNoDelay(true)
            .setReuseAddress(true);
    service.server = node.vertx().createHttpServer(options).requestHandler(service::onRequest);
    return service
        .server
        .listen()
        .map(
            s -> {
              service.endpoint =
                  new Endpoint(
                      config.name(),
                      config.tier(),
                      config.region(),
                      config.zone(),
                      config.host(),
                      s.actualPort());
              node.discovery().register(service.endpoint);
              service.ready = true;
              return service;
            });
  }

  /** Starts this instance's traffic source (denominator tiers); it runs until {@link #stop}. */
  public TrafficSource startTraffic(TrafficSource.Options options) {
    if (traffic != null) {
      throw new IllegalStateException(config.name() + " already sends traffic");
    }
    traffic = TrafficSource.start(node, config, client, options);
    return traffic;
  }

  /** A graceful stop: leave discovery first so callers move on, then close the server. */
  public Future<Void> stop() {
    ready = false;
    if (traffic != null) {
      traffic.stop();
    }
    if (endpoint != null) {
      node.discovery().deregister(endpoint);
    }
    return server.close();
  }

  /** An abrupt stop that leaves the registration behind, like a pod killed before its endpoint. */
  public Future<Void> crash() {
    ready = false;
    if (traffic != null) {
      traffic.stop();
    }
    return server.close();
  }

  public InstanceConfig config() {
    return config;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public boolean ready() {
    return ready;
  }

  public TrafficSource traffic() {
    return traffic;
  }

  private boolean isSelf(Endpoint e) {
    Endpoint me = endpoint;
    return e.instance().equals(config.name())
        || (me != null && e.host().equals(me.host()) && e.port() == me.port());
  }

  private void onRequest(HttpServerRequest req) {
    if (REQUEST_PATH.equals(req.path())) {
      handleCall(req);
    } else {
      admin.handle(req);
    }
  }

  private void handleCall(HttpServerRequest req) {
    long startNanos = System.nanoTime();
    long startMicros = currentMicros();
    TraceContext parent = TraceContext.fromHeaders(req.headers());
    TraceContext span =
        parent != null
            ? parent.child()
            : TraceContext.root(ThreadLocalRandom.current().nextDouble() < node.sampleRate());
    Promise<Request> parsed = Promise.promise();
    if (req.method() == HttpMethod.GET) {
      parsed.tryComplete(Request.get(req.getParam("key", "key")));
    } else {
      req.body()
          .onComplete(
              ar -> {
                try {
                  parsed.complete(Request.fromJson(ar.result().toJsonObject()));
                } catch (RuntimeException e) {
                  parsed.tryFail(ar.failed() ? ar.cause() : e);
                }
              });
    }
    parsed
        .future()
        .compose(
            request ->
                serve(request, span)
                    .recover(err -> Future.succeededFuture(internalError(err)))
                    .map(reply -> respond(req, request, reply)),
            err -> {
              Reply bad = Reply.error(Reply.BAD_REQUEST, "bad request: " + err.getMessage());
              return Future.succeededFuture(respond(req, null, bad));
            })
        .onSuccess(
            done -> finish(done.request(), done.reply(), span, parent, startNanos, startMicros));
  }

  private record Done(Request request, Reply reply) {}

  private Future<Reply> serve(Request request, TraceContext span) {
    long delayMs = ServiceDelay.millis(config.serviceTime());
    Future<Void> delay =
        delayMs == 0
            ? Future.succeededFuture()
            : Future.future(p -> node.vertx().setTimer(delayMs, id -> p.complete()));
    return delay.compose(
        v -> {
          if (config.errorRate() > 0
              && ThreadLocalRandom.current().nextDouble() < config.errorRate()) {
            return Future.succeededFuture(
                Reply.error(Reply.INJECTED_ERROR, "error injected by " + config.name()));
          }
          return behaviour.handle(request, span);
        });
  }

  private Reply internalError(Throwable err) {
    return Reply.error(Reply.INJECTED_ERROR, config.name() + " failed: " + err);
  }

  private Done respond(HttpServerRequest req, Request request, Reply reply) {
    JsonObject body = reply.body().copy();
    // A passed-on reply keeps naming the instance that produced it: the end of the chain.
    if (!body.containsKey("instance")) {
      body.put("instance", config.name()).put("tier", config.tier());
    }
    if (!reply.isError() && !payload.isEmpty()) {
      body.put("payload", payload);
    }
    req.response()
        .setStatusCode(reply.status())
        .putHeader("content-type", "application/json")
        .end(body.toBuffer());
    return new Done(request, reply);
  }

  private void finish(
      Request request,
      Reply reply,
      TraceContext span,
      TraceContext parent,
      long startNanos,
      long startMicros) {
    long micros = (System.nanoTime() - startNanos) / 1000;
    String op = request == null ? "INVALID" : request.op().name();
    node.stats()
        .series(Series.Kind.SERVICE, config.tier(), op)
        .record(micros, reply.status() >= 400);
    if (span.sampled() && node.spans().enabled()) {
      Map<String, String> tags =
          reply.isError()
              ? Map.of(
                  "instance", config.name(),
                  "http.status_code", Integer.toString(reply.status()),
                  "error", reply.errorMessage())
              : Map.of(
                  "instance", config.name(),
                  "http.status_code", Integer.toString(reply.status()));
      node.spans()
          .offer(
              new Span(
                  span.traceId(),
                  span.spanId(),
                  parent == null ? null : parent.spanId(),
                  op.toLowerCase(java.util.Locale.ROOT),
                  "SERVER",
                  startMicros,
                  micros,
                  config.tier(),
                  endpoint.host(),
                  endpoint.port(),
                  tags));
    }
  }

  static long currentMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }
}
