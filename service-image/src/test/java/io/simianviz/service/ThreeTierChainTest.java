package io.simianviz.service;

import static io.simianviz.model.TierPackage.CACHE;
import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.STAASH;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import io.simianviz.service.stats.SeriesStats;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** karyon -> staash -> (cache, store) on loopback, every tier serving the same protocol. */
@ParameterizedClass(name = "over {0}")
@EnumSource(Protocol.class)
class ThreeTierChainTest {
  @Parameter Protocol protocol;
  @TempDir Path dir;
  Fleet fleet;
  Nanoservice karyon;

  @BeforeEach
  void startChain() {
    fleet = new Fleet(dir, CallPolicy.defaults());
    for (String tier : List.of("cache", "store", "staash", "karyon")) {
      fleet.serve(tier, protocol);
    }
    fleet.start(Fleet.config("cache", CACHE, "zoneA"));
    fleet.start(Fleet.config("store", STORE, "zoneA"));
    fleet.start(Fleet.config("staash", STAASH, "zoneA", "store:store", "cache:cache"));
    karyon = fleet.start(Fleet.config("karyon", KARYON, "zoneA", "staash:staash"));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void putThenGetReadsThroughTheChainAndFillsTheCache() {
    assertThat(fleet.call(karyon, Request.put("k1", "v1"), null).status()).isEqualTo(200);

    Reply read = fleet.call(karyon, Request.get("k1"), null);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.found()).isTrue();
    assertThat(read.value()).isEqualTo("v1");
    assertThat(read.body().getString("tier")).isIn("cache", "store");
  }

  @Test
  void aMissFallsThroughEveryTierAndEndsInNotFound() {
    Reply read = fleet.call(karyon, Request.get("never-written"), null);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.found()).isFalse();
    assertThat(fleet.stats(Series.Kind.EDGE, "staash", "cache").count()).isEqualTo(1);
    assertThat(fleet.stats(Series.Kind.EDGE, "staash", "store").count()).isEqualTo(1);
  }

  @Test
  void traceIdsContinueAcrossHopsAndSpansHaveCorrectParents() throws Exception {
    TraceContext root = TraceContext.root(true);

    fleet.call(karyon, Request.get("k2"), root.traceparent());

    Fleet.eventually(Duration.ofSeconds(10), () -> spansOf(root).size() == 4);
    Map<String, JsonObject> byTier =
        spansOf(root).stream()
            .collect(
                Collectors.toMap(
                    s -> s.getJsonObject("localEndpoint").getString("serviceName"),
                    Function.identity()));
    assertThat(byTier).containsOnlyKeys("karyon", "staash", "cache", "store");
    assertThat(byTier.get("karyon").getString("parentId")).isEqualTo(root.spanId());
    String karyonId = byTier.get("karyon").getString("id");
    assertThat(byTier.get("staash").getString("parentId")).isEqualTo(karyonId);
    String staashId = byTier.get("staash").getString("id");
    assertThat(byTier.get("cache").getString("parentId")).isEqualTo(staashId);
    assertThat(byTier.get("store").getString("parentId")).isEqualTo(staashId);
    assertThat(byTier.values())
        .allSatisfy(s -> assertThat(s.getString("kind")).isEqualTo("SERVER"));
    // Each hop records the protocol it arrived by, so a caller falling back to HTTP/1.1 shows.
    assertThat(byTier.values())
        .allSatisfy(
            s ->
                assertThat(s.getJsonObject("tags").getString("protocol"))
                    .isEqualTo(protocol.value()));
  }

  @Test
  void histogramsCountEveryRequest() {
    int puts = 7;
    int gets = 13;
    for (int i = 0; i < puts; i++) {
      fleet.call(karyon, Request.put("key" + i, "v" + i), null);
    }
    for (int i = 0; i < gets; i++) {
      fleet.call(karyon, Request.get("key" + i), null);
    }

    // A series is recorded as the reply goes out, so the client can see the reply first.
    awaitCount(Series.Kind.SERVICE, "karyon", "PUT", puts);
    awaitCount(Series.Kind.SERVICE, "karyon", "GET", gets);
    awaitCount(Series.Kind.EDGE, "karyon", "staash", puts + gets);
    awaitCount(Series.Kind.SERVICE, "staash", "GET", gets);
    assertThat(fleet.stats(Series.Kind.SERVICE, "karyon", "PUT").count()).isEqualTo(puts);
    assertThat(fleet.stats(Series.Kind.SERVICE, "karyon", "GET").count()).isEqualTo(gets);
    assertThat(fleet.stats(Series.Kind.EDGE, "karyon", "staash").count()).isEqualTo(puts + gets);
    assertThat(fleet.stats(Series.Kind.SERVICE, "staash", "GET").count()).isEqualTo(gets);
    SeriesStats karyonGets = fleet.stats(Series.Kind.SERVICE, "karyon", "GET");
    assertThat(karyonGets.errors()).isZero();
    assertThat(karyonGets.max()).isGreaterThan(0).isGreaterThanOrEqualTo(karyonGets.p50());

    String stats = fleet.get(karyon, "/stats");
    assertThat(stats).startsWith("200 ").contains("\"name\":\"service karyon GET\"");
    assertThat(fleet.get(karyon, "/histogram")).contains("# service karyon GET  count=" + gets);
    assertThat(fleet.get(karyon, "/metrics"))
        .contains(
            "simianviz_service_requests_total{architecture=\"test\",region=\"us-east-1\","
                + "zone=\"zoneA\",tier=\"karyon\",instance=\""
                + karyon.config().name()
                + "\",op=\"GET\"} "
                + gets);
    assertThat(fleet.get(karyon, "/health/ready")).startsWith("200 ");
    assertThat(fleet.get(karyon, "/health/live")).startsWith("200 ");
  }

  private void awaitCount(Series.Kind kind, String tier, String detail, long expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (fleet.stats(kind, tier, detail).count() < expected && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
  }

  private List<JsonObject> spansOf(TraceContext root) {
    try {
      return fleet.spans().stream()
          .filter(s -> s.getString("traceId").equals(root.traceId()))
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
