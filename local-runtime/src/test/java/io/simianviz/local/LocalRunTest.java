package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import io.simianviz.service.stats.SeriesStats;
import io.simianviz.service.traffic.TrafficSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunTest {
  private static final String LAMP =
      """
      {"arch": "lamp", "victim": "webserver", "services": [
        {"name": "rds-mysql", "package": "store", "count": 2, "regions": 1, "dependencies": []},
        {"name": "memcache", "package": "store", "count": 1, "regions": 1, "dependencies": []},
        {"name": "webserver", "package": "monolith", "count": 18, "regions": 1,
         "dependencies": ["memcache", "rds-mysql"]},
        {"name": "webserver-elb", "package": "elb", "count": 0, "regions": 1,
         "dependencies": ["webserver"]},
        {"name": "www", "package": "denominator", "count": 0, "regions": 0,
         "dependencies": ["webserver-elb"]}]}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private RunOptions options(Duration duration) {
    return options(duration, Duration.ZERO);
  }

  private RunOptions options(Duration duration, Duration warmup) {
    return new RunOptions(
        duration,
        null,
        null,
        200.0,
        null,
        out,
        7,
        0,
        warmup,
        Duration.ofSeconds(1),
        Duration.ofMillis(300),
        false,
        false);
  }

  private static Console quietConsole() {
    return new Console(
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
  }

  @Test
  void aShortRunWritesEveryOutputWithTrafficAndAChaosKill() throws Exception {
    LoadedArchitecture lamp = ArchitectureFiles.parse(LAMP, "lamp");
    int exit =
        LocalRuntime.runUntil(
            lamp, options(Duration.ofSeconds(4)), quietConsole(), new CountDownLatch(1));
    assertThat(exit).isZero();

    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("arch").asText()).isEqualTo("lamp");
    assertThat(summary.get("instances").asInt()).isEqualTo(23);
    assertThat(summary.get("requests").asLong()).isGreaterThan(300);
    assertThat(summary.get("successRate").asDouble()).isGreaterThanOrEqualTo(99.0);
    // www -> webserver-elb -> webserver -> memcache/rds-mysql: at least three hops per request.
    assertThat(summary.get("hops").asLong())
        .isGreaterThanOrEqualTo(3 * summary.get("requests").asLong());
    assertThat(summary.get("startupS").asDouble()).isPositive();
    assertThat(summary.get("hopsPerSecond").asDouble()).isPositive();
    assertThat(summary.get("cpuS").asDouble()).isPositive();
    assertThat(summary.get("cpuMicrosPerHop").asDouble())
        .isCloseTo(
            summary.get("cpuS").asDouble() * 1e6 / summary.get("hops").asDouble(),
            withinPercentage(1));
    assertThat(summary.get("chaos")).hasSize(1);
    assertThat(summary.get("chaos").get(0).get("victim").asText()).contains(".webserver");
    Map<String, Long> requestsByTier = new HashMap<>();
    summary
        .get("tiers")
        .forEach(t -> requestsByTier.put(t.get("name").asText(), t.get("requests").asLong()));
    assertThat(requestsByTier)
        .containsOnlyKeys("rds-mysql", "memcache", "webserver", "webserver-elb", "www");
    assertThat(requestsByTier.values()).allMatch(n -> n > 0);

    JsonNode graph = JSON.readTree(out.resolve("graph.json").toFile());
    assertThat(graph.get("version").asText()).isEqualTo("spigo-0.4");
    long nodes = 0;
    long done = 0;
    Set<String> edges = new HashSet<>();
    for (JsonNode e : graph.get("graph")) {
      nodes += e.has("node") ? 1 : 0;
      done += e.has("done") ? 1 : 0;
      if (e.has("edge")) {
        edges.add(tierOf(e.get("source").asText()) + " -> " + tierOf(e.get("target").asText()));
      }
    }
    assertThat(nodes).isEqualTo(23);
    assertThat(done).isEqualTo(23);
    // Edges are the calls that happened: every declared tier edge, and nothing else.
    assertThat(edges)
        .containsExactlyInAnyOrder(
            "www -> webserver-elb",
            "webserver-elb -> webserver",
            "webserver -> memcache",
            "webserver -> rds-mysql");

    Map<String, Set<String>> tiersPerTrace = new HashMap<>();
    for (JsonNode span : JSON.readTree(out.resolve("spans.json").toFile())) {
      tiersPerTrace
          .computeIfAbsent(span.get("traceId").asText(), t -> new HashSet<>())
          .add(span.get("localEndpoint").get("serviceName").asText());
    }
    assertThat(tiersPerTrace.values().stream().mapToInt(Set::size).max().orElse(0))
        .isGreaterThanOrEqualTo(3);
    assertThat(out.resolve("histograms.txt")).content().contains("service webserver");
    assertThat(out.resolve("histograms.csv")).content().startsWith("series,kind,tier,detail,count");
  }

  @Test
  void eachInstanceServesOnlyItsOwnMetricsSoTheyAddUpToItsTiersRequests() throws Exception {
    LoadedArchitecture lamp = ArchitectureFiles.parse(LAMP, "lamp");
    try (LocalRun run = new LocalRun(lamp, options(Duration.ZERO), quietConsole());
        HttpClient http = HttpClient.newHttpClient()) {
      run.start();
      TrafficSource traffic = run.trafficSources().get(0).traffic();
      awaitTrue(() -> traffic.summary().requests() >= 100, Duration.ofSeconds(20));
      traffic.stop();
      awaitTrue(() -> traffic.inFlight() == 0, Duration.ofSeconds(10));

      for (String tier : List.of("webserver-elb", "webserver", "memcache", "rds-mysql")) {
        long served =
            run.process().stats().snapshot().stream()
                .filter(s -> s.kind() == Series.Kind.SERVICE && s.tier().equals(tier))
                .mapToLong(SeriesStats::count)
                .sum();
        assertThat(served).isPositive();
        Map<String, Long> scraped = new HashMap<>();
        for (Nanoservice s : run.running()) {
          for (String line : get(http, s, "/metrics").lines().toList()) {
            if (line.startsWith("simianviz_")) {
              assertThat(line).contains("instance=\"" + s.config().name() + "\"");
            }
            if (line.startsWith("simianviz_service_requests_total{")
                && line.contains("tier=\"" + tier + "\"")) {
              scraped.merge(
                  s.config().name(),
                  Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)),
                  Long::sum);
            }
          }
        }
        assertThat(scraped.values().stream().mapToLong(Long::longValue).sum())
            .as("requests of %s on the /metrics of its instances %s", tier, scraped)
            .isEqualTo(served);
      }
    }
  }

  private static String get(HttpClient http, Nanoservice s, String path) throws Exception {
    URI uri = URI.create("http://" + s.endpoint().host() + ":" + s.endpoint().port() + path);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void aKilledInstanceIsReplacedAndShutdownLeavesNothingBehind() throws Exception {
    LoadedArchitecture lamp = ArchitectureFiles.parse(LAMP, "lamp");
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    InetSocketAddress victimAddress;
    try (LocalRun run = new LocalRun(lamp, options(Duration.ZERO), quietConsole())) {
      run.start();
      assertThat(run.upCount()).isEqualTo(23);
      Instance victim =
          run.upInstances().stream()
              .filter(i -> i.tier().equals("webserver"))
              .findFirst()
              .orElseThrow();
      run.kill(victim);
      assertThat(run.upCount()).isEqualTo(22);
      awaitTrue(() -> run.upCount() == 23, Duration.ofSeconds(10));
      assertThat(run.upInstances()).contains(victim);
      var endpoint = run.trafficSources().get(0).endpoint();
      victimAddress = new InetSocketAddress(endpoint.host(), endpoint.port());
    }
    awaitTrue(
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .noneMatch(t -> t.getName().startsWith("vert.x-")),
        Duration.ofSeconds(10));
    try (Socket socket = new Socket()) {
      boolean connected;
      try {
        socket.connect(victimAddress, 1000);
        connected = true;
      } catch (IOException refused) {
        connected = false;
      }
      assertThat(connected).as("a server still listens after shutdown").isFalse();
    }
  }

  @Test
  void requestsInFlightAtShutdownAreAnsweredBeforeTheServersClose() throws Exception {
    String slow =
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: slow}
        spec:
          services:
            - {name: store, package: store, count: 2, regions: 1, serviceTime: constant(400ms)}
            - {name: www, package: denominator, count: 0, regions: 0, dependencies: [store]}
        """;
    LoadedArchitecture arch = ArchitectureFiles.parse(slow, "slow.yaml");
    TrafficSource traffic;
    try (LocalRun run = new LocalRun(arch, options(Duration.ZERO), quietConsole())) {
      run.start();
      traffic = run.trafficSources().get(0).traffic();
      awaitTrue(() -> traffic.inFlight() >= 20, Duration.ofSeconds(10));
    }
    assertThat(traffic.inFlight()).isZero();
    TrafficSource.Summary summary = traffic.summary();
    assertThat(summary.requests()).isEqualTo(traffic.sent());
    assertThat(summary.errors()).as("requests failed by the shutdown").isZero();
  }

  @Test
  void theWarmUpIsLeftOutOfEveryFigure() throws Exception {
    LoadedArchitecture lamp = ArchitectureFiles.parse(LAMP, "lamp");
    int exit =
        LocalRuntime.runUntil(
            lamp,
            options(Duration.ofSeconds(2), Duration.ofSeconds(2)),
            quietConsole(),
            new CountDownLatch(1));
    assertThat(exit).isZero();

    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("warmupS").asDouble()).isBetween(1.9, 3.0);
    // 200 requests/s for the 2 measured seconds, not the 4 s of traffic.
    assertThat(summary.get("requests").asLong()).isBetween(300L, 560L);
    long tierRequests = 0;
    for (JsonNode t : summary.get("tiers")) {
      if (t.get("name").asText().equals("webserver")) {
        tierRequests = t.get("requests").asLong();
      }
    }
    assertThat(tierRequests).isBetween(300L, 600L);
  }

  @Test
  void aTakenPortIsAClearErrorNotACrash() throws Exception {
    LoadedArchitecture lamp = ArchitectureFiles.parse(LAMP, "lamp");
    try (ServerSocket taken = new ServerSocket(0)) {
      RunOptions options =
          new RunOptions(
              Duration.ofSeconds(1),
              null,
              null,
              null,
              null,
              out,
              1,
              taken.getLocalPort(),
              Duration.ZERO,
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              false,
              false);
      int exit = LocalRuntime.runUntil(lamp, options, quietConsole(), new CountDownLatch(1));
      assertThat(exit).isEqualTo(1);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /** The tier of an instance name {@code arch.region.zone.tierNN}. */
  private static String tierOf(String instance) {
    return instance.substring(instance.lastIndexOf('.') + 1).replaceAll("\\d+$", "");
  }
}
