package io.simianviz.service.traffic;

import static io.simianviz.model.TierPackage.DENOMINATOR;
import static io.simianviz.model.TierPackage.ELB;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.topology.Instance;
import io.simianviz.service.Fleet;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** denominator -> elb -> store, driven open loop. */
class TrafficSourceTest {
  @TempDir Path dir;
  Fleet fleet;
  Nanoservice denominator;

  @BeforeEach
  void start() {
    fleet = new Fleet(dir, CallPolicy.defaults());
    fleet.start(Fleet.config("db", STORE, "zoneA"));
    fleet.start(Fleet.config("db", STORE, "zoneB"));
    fleet.start(Fleet.config("lb", ELB, Instance.ANY, "db:store"));
    denominator = fleet.start(Fleet.config("www", DENOMINATOR, Instance.ANY, "lb:elb"));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void sendsTheMixAndCountsEveryRequestEndToEnd() throws Exception {
    TrafficSource traffic = denominator.startTraffic(TrafficSource.Options.of(200, 1, 1));

    Fleet.eventually(Duration.ofSeconds(20), () -> traffic.summary().requests() >= 60);
    traffic.stop();
    Fleet.eventually(Duration.ofSeconds(10), () -> traffic.summary().requests() == traffic.sent());

    TrafficSource.Summary summary = traffic.summary();
    assertThat(summary.errors()).isZero();
    assertThat(summary.successRate()).isEqualTo(1.0);
    assertThat(summary.p99()).isGreaterThan(0).isGreaterThanOrEqualTo(summary.p50());
    long gets = fleet.stats(Series.Kind.TRAFFIC, "www", "GET").count();
    long puts = fleet.stats(Series.Kind.TRAFFIC, "www", "PUT").count();
    assertThat(gets).isPositive();
    assertThat(puts).isPositive();
    assertThat(gets + puts).isEqualTo(summary.requests());
    assertThat(fleet.stats(Series.Kind.EDGE, "www", "lb").count()).isEqualTo(summary.requests());
    assertThat(fleet.stats(Series.Kind.EDGE, "lb", "db").count()).isEqualTo(summary.requests());
    assertThat(fleet.get(denominator, "/stats")).contains("\"traffic\":{\"requests\":");
  }

  @Test
  void withoutADependencyInstanceEveryRequestIsACountedError() throws Exception {
    fleet.registry.instances("lb").forEach(fleet.registry::deregister);
    TrafficSource traffic = denominator.startTraffic(TrafficSource.Options.of(200, 0, 1));

    Fleet.eventually(Duration.ofSeconds(20), () -> traffic.summary().requests() >= 20);
    traffic.stop();

    TrafficSource.Summary summary = traffic.summary();
    assertThat(summary.errors()).isEqualTo(summary.requests());
    assertThat(summary.successRate()).isZero();
    assertThat(fleet.stats(Series.Kind.TRAFFIC, "www", "GET").count()).isZero();
  }
}
