package io.simianviz.service;

import static io.simianviz.model.TierPackage.DENOMINATOR;
import static io.simianviz.model.TierPackage.ELB;
import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.topology.Instance;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.call.NetworkPartition;
import io.simianviz.service.call.OutlierEjection;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import io.simianviz.service.traffic.TrafficSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code isolate} outage: instances up and registered but cut off, so calls to them and from
 * them get no answer and time out; callers eject an instance after a few timeouts in a row and use
 * the other zones meanwhile.
 */
class IsolationTest {
  private static final Duration TIMEOUT = Duration.ofMillis(200);

  @TempDir Path dir;
  Fleet fleet;
  Nanoservice storeA;
  Nanoservice karyon;

  @BeforeEach
  void start() {
    fleet = new Fleet(dir, CallPolicy.defaults().withTimeout(TIMEOUT));
    storeA = fleet.start(Fleet.config("db", STORE, "zoneA"));
    fleet.start(Fleet.config("db", STORE, "zoneB"));
    fleet.start(Fleet.config("db", STORE, "zoneC"));
    karyon = fleet.start(Fleet.config("web", KARYON, "zoneA", "db:store"));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  private NetworkPartition partition() {
    return fleet.process.partition();
  }

  @Test
  void callsToAnIsolatedInstanceTimeOutUntilItIsEjectedThenGoToTheOtherZones() {
    partition().isolate(List.of(storeA.config().name()));

    for (int i = 0; i < 12; i++) {
      long start = System.nanoTime();
      Reply reply = fleet.call(karyon, Request.get("k" + i), null);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body().getString("instance")).doesNotContain("zoneA");
      // Its own zone first: a whole timeout until zoneA's store is ejected, then none.
      if (i < OutlierEjection.TIMEOUTS_TO_EJECT) {
        assertThat(millis).isGreaterThanOrEqualTo(TIMEOUT.toMillis());
      }
    }

    assertThat(partition().blackholed()).isEqualTo(OutlierEjection.TIMEOUTS_TO_EJECT);
    assertThat(fleet.process.ejected()).containsOnlyKeys(storeA.endpoint().address());
    assertThat(fleet.registry.count("db")).isEqualTo(3);
    assertThat(fleet.stats(Series.Kind.EDGE, "web", "db").errors()).isZero();
  }

  @Test
  void anIsolatedCallerReachesNothingAndItsTimeoutsEjectNoOne() {
    partition().isolate(List.of(karyon.config().name()));

    Reply reply = fleet.call(karyon, Request.get("k"), null);

    assertThat(reply.status()).isEqualTo(Reply.TIMEOUT);
    assertThat(reply.errorMessage()).contains("no answer within 200 ms");
    int attempts = CallPolicy.defaults().maxRetries() + 1;
    assertThat(partition().blackholed()).isEqualTo(attempts);
    assertThat(fleet.process.ejected()).isEmpty();

    partition().heal(List.of(karyon.config().name()));
    assertThat(partition().isolated()).isEmpty();
    assertThat(fleet.call(karyon, Request.get("k"), null).status()).isEqualTo(200);
    assertThat(partition().blackholed()).isEqualTo(attempts);
  }

  @Test
  void aTrafficSourceIsNeverCutOffButItsCallsToAnIsolatedInstanceAre() throws Exception {
    Nanoservice lb = fleet.start(Fleet.config("lb", ELB, Instance.ANY, "db:store"));
    Nanoservice www = fleet.start(Fleet.config("www", DENOMINATOR, Instance.ANY, "lb:elb"));
    partition().isolate(List.of(www.config().name()));
    assertThat(partition().isIsolated(www.config().name())).isTrue();

    TrafficSource traffic = www.startTraffic(TrafficSource.Options.of(50, 1, 0));
    Fleet.eventually(Duration.ofSeconds(10), () -> traffic.summary().requests() >= 5);
    assertThat(partition().blackholed()).isZero();

    partition().isolate(List.of(lb.config().name()));
    Fleet.eventually(Duration.ofSeconds(10), () -> partition().blackholed() > 0);
    Fleet.await(traffic.stop());
    Fleet.eventually(Duration.ofSeconds(10), () -> traffic.inFlight() == 0);
    // Its only lb cut off: each request times out after its attempts, an error, never lost.
    assertThat(traffic.summary().errors()).isPositive();
    assertThat(traffic.settledNow().lost()).isZero();
  }
}
