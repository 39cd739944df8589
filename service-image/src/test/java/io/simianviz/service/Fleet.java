package io.simianviz.service;

import io.simianviz.model.ServiceTime;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.Fanout;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.discovery.LocalRegistry;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import io.simianviz.service.stats.SeriesStats;
import io.simianviz.service.trace.SpanExporter;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Test support: instances in one Vert.x on loopback, each tier serving the protocol the test gave
 * it ({@link #serve}, http otherwise), clients that call them as a dependant would, and cleanup.
 */
public final class Fleet implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  public final LocalRegistry registry = new LocalRegistry();
  final Path spanFile;
  public final ProcessContext process;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final TestCaller caller = new TestCaller(vertx);
  private final Map<String, Protocol> protocols = new HashMap<>();
  private final List<Nanoservice> started = new ArrayList<>();
  private int nextAddress = 10;

  public Fleet(Path dir, CallPolicy policy) {
    this.spanFile = dir.resolve("spans.json");
    this.process =
        new ProcessContext(
            vertx,
            registry,
            policy,
            new SpanExporter.Options(spanFile, null, null, 10_000, 100, Duration.ofMillis(50)),
            1.0);
  }

  public static InstanceConfig config(String tier, TierPackage pkg, String zone, String... deps) {
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
        Map.of(),
        new ServiceTime.Constant(0),
        0,
        16,
        1.0,
        Fanout.ONE,
        "127.0.0.1",
        0);
  }

  /** The same instance with another service time: a slow dependency. */
  public static InstanceConfig withServiceTime(InstanceConfig c, String serviceTime) {
    return copy(c, c.name(), c.protocol(), c.dependencyProtocols(), ServiceTime.parse(serviceTime));
  }

  /** The same instance under another name. */
  public static InstanceConfig named(InstanceConfig c, String name) {
    return copy(c, name, c.protocol(), c.dependencyProtocols(), c.serviceTime());
  }

  /** The same instance placed in another region (its name says so too). */
  public static InstanceConfig inRegion(InstanceConfig c, String region) {
    return new InstanceConfig(
        c.arch(),
        c.name().replace(c.region(), region),
        c.tier(),
        c.pkg(),
        region,
        c.zone(),
        c.dependencies(),
        c.crossRegion(),
        c.protocol(),
        c.dependencyProtocols(),
        c.serviceTime(),
        c.errorRate(),
        c.responseBytes(),
        c.hitRate(),
        c.fanout(),
        c.host(),
        c.port());
  }

  /** Makes a tier serve a protocol: its instances and every caller started afterwards use it. */
  public Fleet serve(String tier, Protocol protocol) {
    protocols.put(tier, protocol);
    return this;
  }

  /** Starts an instance on its own loopback address and a free port. */
  public Nanoservice start(InstanceConfig config) {
    InstanceConfig placed = withProtocols(config).withAddress("127.0.0." + nextAddress++, 0);
    Nanoservice service = await(Nanoservice.start(process, placed));
    started.add(service);
    return service;
  }

  private InstanceConfig withProtocols(InstanceConfig c) {
    Map<String, Protocol> deps = new HashMap<>();
    c.dependencies().keySet().forEach(t -> deps.put(t, protocols.getOrDefault(t, Protocol.HTTP)));
    return copy(
        c, c.name(), protocols.getOrDefault(c.tier(), Protocol.HTTP), deps, c.serviceTime());
  }

  private static InstanceConfig copy(
      InstanceConfig c,
      String name,
      Protocol protocol,
      Map<String, Protocol> dependencyProtocols,
      ServiceTime serviceTime) {
    return new InstanceConfig(
        c.arch(),
        name,
        c.tier(),
        c.pkg(),
        c.region(),
        c.zone(),
        c.dependencies(),
        c.crossRegion(),
        protocol,
        dependencyProtocols,
        serviceTime,
        c.errorRate(),
        c.responseBytes(),
        c.hitRate(),
        c.fanout(),
        c.host(),
        c.port());
  }

  /**
   * Sends one request to an instance the way a dependant would, in the protocol its tier serves,
   * with an optional traceparent. The test's own clients ({@link TestCaller}, the JDK's for
   * HTTP/1.1), so a bug in the service's client setup cannot hide in the test.
   */
  Reply call(Nanoservice target, Request request, String traceparent) {
    Protocol protocol = target.config().protocol();
    if (protocol != Protocol.HTTP) {
      return await(caller.call(protocol, target.endpoint(), request, traceparent));
    }
    var builder =
        HttpRequest.newBuilder(uri(target, Nanoservice.REQUEST_PATH))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.toJson().encode()));
    if (traceparent != null) {
      builder.header(TraceContext.TRACEPARENT, traceparent);
    }
    var response = send(builder.build());
    return new Reply(response.statusCode(), new JsonObject(response.body()));
  }

  /** The test's own HTTP/2 and gRPC clients. */
  TestCaller caller() {
    return caller;
  }

  /** GETs an admin path of an instance: "status body". */
  public String get(Nanoservice target, String path) {
    var response =
        send(HttpRequest.newBuilder(uri(target, path)).timeout(Duration.ofSeconds(10)).build());
    return response.statusCode() + " " + response.body();
  }

  private static URI uri(Nanoservice target, String path) {
    return URI.create("http://" + target.endpoint().host() + ":" + target.endpoint().port() + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("request to " + request.uri() + " failed: " + e, e);
    }
  }

  public SeriesStats stats(Series.Kind kind, String tier, String detail) {
    return process.stats().series(kind, tier, detail).stats();
  }

  /** Every span exported so far (the file becomes a JSON array on close; until then, add "]"). */
  List<JsonObject> spans() throws Exception {
    await(process.spans().flush());
    String text = Files.readString(spanFile).trim();
    JsonArray array = new JsonArray(text.endsWith("]") ? text : text + "\n]");
    List<JsonObject> out = new ArrayList<>();
    array.forEach(o -> out.add((JsonObject) o));
    return out;
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      StringBuilder dump = new StringBuilder("timed out; threads:\n");
      Thread.getAllStackTraces()
          .forEach(
              (t, stack) -> {
                dump.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement el : stack) {
                  dump.append("    at ").append(el).append('\n');
                }
              });
      throw new AssertionError(dump.toString(), e);
    } catch (Exception e) {
      throw new AssertionError("operation failed: " + e, e);
    }
  }

  /** Polls a condition until it holds or the deadline passes. */
  public static void eventually(Duration deadline, BooleanSupplier condition)
      throws InterruptedException {
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
    await(process.close());
    await(caller.close());
    await(vertx.close());
    client.close();
  }
}
