package io.simianviz.service;

import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import io.simianviz.service.stats.SeriesStats;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Zone affinity, failover to other zones, a dependency that has no instance at all and one that is
 * too slow; the same counted outcomes whatever protocol the tiers serve.
 */
@ParameterizedClass(name = "over {0}")
@EnumSource(Protocol.class)
class FailoverTest {
  @Parameter Protocol protocol;
  @TempDir Path dir;
  Fleet fleet;

  private Fleet fleet(CallPolicy policy) {
    return new Fleet(dir, policy).serve("db", protocol).serve("web", protocol);
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void callsStayInTheirZoneAndMoveToAnotherWhenTheDependencyIsDeregistered() {
    fleet = fleet(CallPolicy.defaults());
    Nanoservice storeA = fleet.start(Fleet.config("db", STORE, "zoneA"));
    fleet.start(Fleet.config("db", STORE, "zoneB"));
    Nanoservice karyon = fleet.start(Fleet.config("web", KARYON, "zoneA", "db:store"));
    for (int i = 0; i < 5; i++) {
      assertThat(answeringZone(karyon)).isEqualTo("zoneA");
    }

    Fleet.await(storeA.stop());

    for (int i = 0; i < 5; i++) {
      assertThat(answeringZone(karyon)).isEqualTo("zoneB");
    }
    assertThat(fleet.stats(Series.Kind.EDGE, "web", "db").errors()).isZero();
  }

  @Test
  void aCrashedInstanceStillRegisteredIsRetriedInAnotherZone() {
    fleet = fleet(CallPolicy.defaults().withTimeout(Duration.ofSeconds(2)));
    Nanoservice storeA = fleet.start(Fleet.config("db", STORE, "zoneA"));
    fleet.start(Fleet.config("db", STORE, "zoneB"));
    Nanoservice karyon = fleet.start(Fleet.config("web", KARYON, "zoneA", "db:store"));

    Fleet.await(storeA.crash());

    assertThat(fleet.registry.count("db")).isEqualTo(2);
    for (int i = 0; i < 5; i++) {
      Reply reply = fleet.call(karyon, Request.get("k"), null);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body().getString("instance")).contains("zoneB");
    }
    assertThat(fleet.stats(Series.Kind.EDGE, "web", "db").errors()).isZero();
  }

  @Test
  void aDependencyWithNoInstancesProducesCountedErrorsNotHangs() {
    fleet = fleet(CallPolicy.defaults());
    Nanoservice karyon = fleet.start(Fleet.config("web", KARYON, "zoneA", "db:store"));
    int requests = 6;

    for (int i = 0; i < requests; i++) {
      Reply reply = fleet.call(karyon, Request.get("k" + i), null);
      assertThat(reply.status()).isEqualTo(Reply.NO_INSTANCE);
      assertThat(reply.errorMessage()).contains("no instance of tier db");
    }

    SeriesStats edge = fleet.stats(Series.Kind.EDGE, "web", "db");
    assertThat(edge.count()).isEqualTo(requests);
    assertThat(edge.errors()).isEqualTo(requests);
    assertThat(fleet.stats(Series.Kind.SERVICE, "web", "GET").errors()).isEqualTo(requests);
  }

  @Test
  void aSlowDependencyTimesOutIntoACountedError() {
    fleet = fleet(CallPolicy.defaults().withTimeout(Duration.ofMillis(200)).withMaxRetries(0));
    InstanceConfig slow = Fleet.withServiceTime(Fleet.config("db", STORE, "zoneA"), "constant(3s)");
    fleet.start(slow);
    Nanoservice karyon = fleet.start(Fleet.config("web", KARYON, "zoneA", "db:store"));

    Reply reply = fleet.call(karyon, Request.get("k"), null);

    assertThat(reply.status()).isEqualTo(Reply.TIMEOUT);
    assertThat(reply.errorMessage()).contains("timed out calling db");
    assertThat(fleet.stats(Series.Kind.EDGE, "web", "db").errors()).isEqualTo(1);
    // Slow is not gone: the instance stays a candidate for the next call.
    assertThat(fleet.process.ejected()).isEmpty();
  }

  private String answeringZone(Nanoservice karyon) {
    Reply reply = fleet.call(karyon, Request.get("k"), null);
    assertThat(reply.status()).isEqualTo(200);
    String instance = reply.body().getString("instance");
    return instance.contains("zoneA") ? "zoneA" : instance.contains("zoneB") ? "zoneB" : instance;
  }
}
