package io.simianviz.service;

import io.simianviz.api.model.ServiceTime;
import io.simianviz.api.model.TierPackage;
import io.simianviz.api.v1alpha1.Fanout;
import io.simianviz.api.v1alpha1.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test support: instances in one Vert.x on loopback, a client to call them, and cleanup. */
final class Fleet implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final LocalRegistry registry = new LocalRegistry();
  final Path spanFile;
  final NodeContext node;
  final HttpClient client = vertx.createHttpClient();
  private final List<Nanoservice> started = new ArrayList<>();
  private int nextAddress = 10;

  Fleet(Path dir, CallPolicy policy) {
    this.spanFile = dir.resolve("spans.json");
    this.node =
        new NodeContext(
            vertx,
            registry,
            policy,
            new SpanExporter.Options(spanFile, null, null, 10_000, 100, Duration.ofMillis(50)),
            1.0);
  }

  static InstanceConfig config(String tier, TierPackage pkg, String zone, String... deps) {
    Map<String, TierPackage> dependencies = new LinkedHashMap<>();
    for (String dep : deps) {
      String[] parts = dep.split(":");
      dependencies.put(parts[0], TierPackage.fromSpigoName(parts[1]).orElseThrow());
    }
    return new InstanceConfig(
        "test",
        "test.us-east-1." + zone + "." + tier + Integer.toHexString(System.identityHashCode(deps)),
        tier,
        pkg,
        "us-east-1",
        zone,
        dependencies,
        false,
        Protocol.HTTP,
        new ServiceTime.Constant(0),
        0,
        16,
        1.0,
        Fanout.ONE,
        "127.0.0.1",
        0);
  }

  /** Starts an instance on its own loopback address and a free port. */
  Nanoservice start(InstanceConfig config) {
    InstanceConfig placed = config.withAddress("127.0.0." + nextAddress++, 0);
    Nanoservice service = await(Nanoservice.start(node, placed));
    started.add(service);
    return service;
  }

  /** Sends one request to an instance the way a dependant would, with an optional traceparent. */
  Reply call(Nanoservice target, Request request, String traceparent) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(target.endpoint().host())
            .setPort(target.endpoint().port())
            .setURI(Nanoservice.REQUEST_PATH)
            .setIdleTimeout(10_000);
    if (traceparent != null) {
      options.putHeader(TraceContext.TRACEPARENT, traceparent);
    }
    return await(
        client
            .request(options)
            .compose(r -> r.send(request.toJson().toBuffer()))
            .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b.toJsonObject()))));
  }

  /** GETs an admin path of an instance. */
  String get(Nanoservice target, String path) {
    return await(
        client
            .request(HttpMethod.GET, target.endpoint().port(), target.endpoint().host(), path)
            .compose(r -> r.send())
            .compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b)));
  }

  SeriesStats stats(Series.Kind kind, String tier, String detail) {
    return node.stats().series(kind, tier, detail).stats();
  }

  /** Every span exported so far (the file becomes a JSON array on close; until then, add "]"). */
  List<JsonObject> spans() throws Exception {
    await(node.spans().flush());
    String text = Files.readString(spanFile).trim();
    JsonArray array = new JsonArray(text.endsWith("]") ? text : text + "\n]");
    List<JsonObject> out = new ArrayList<>();
    array.forEach(o -> out.add((JsonObject) o));
    return out;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("operation failed or timed out: " + e, e);
    }
  }

  /** Polls a condition until it holds or the deadline passes. */
  static void eventually(Duration deadline, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + deadline);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    for (Nanoservice s : started) {
      await(s.stop().recover(e -> Future.succeededFuture()));
    }
    await(node.close());
    await(vertx.close());
  }
}
