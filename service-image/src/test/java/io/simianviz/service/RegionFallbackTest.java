package io.simianviz.service;

import static io.simianviz.model.TierPackage.DENOMINATOR;
import static io.simianviz.model.TierPackage.ELB;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.traffic.TrafficSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A region gone (kong, {@code stop}): the traffic sources' calls go to the regions that survive, as
 * a global DNS name would send users, whether the source is global or in the region that is gone.
 */
class RegionFallbackTest {
  private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");

  @TempDir Path dir;
  Fleet fleet;

  @AfterEach
  void stop() {
    fleet.close();
  }

  @ParameterizedTest(name = "traffic source in region {0}")
  @ValueSource(strings = {Instance.ANY, "us-east-1"})
  void trafficReachesTheSurvivingRegionsOnly(String sourceRegion) throws Exception {
    fleet = new Fleet(dir, CallPolicy.defaults());
    Nanoservice gone = null;
    Set<String> surviving = ConcurrentHashMap.newKeySet();
    for (String region : REGIONS) {
      fleet.start(Fleet.inRegion(Fleet.config("db", STORE, "zoneA"), region));
      Nanoservice lb =
          fleet.start(Fleet.inRegion(Fleet.config("lb", ELB, Instance.ANY, "db:store"), region));
      if (region.equals("us-east-1")) {
        gone = lb;
      } else {
        surviving.add(lb.config().name());
      }
    }
    Nanoservice www =
        fleet.start(
            Fleet.inRegion(Fleet.config("www", DENOMINATOR, Instance.ANY, "lb:elb"), sourceRegion));
    Set<String> called = ConcurrentHashMap.newKeySet();
    fleet
        .process
        .links()
        .onFirstCall(
            (caller, callee) -> {
              if (caller.equals(www.config().name())) {
                called.add(callee.instance());
              }
            });
    Fleet.await(gone.stop());

    TrafficSource traffic = www.startTraffic(TrafficSource.Options.of(100, 1, 1));
    Fleet.eventually(Duration.ofSeconds(20), () -> traffic.summary().requests() >= 50);
    Fleet.await(traffic.stop());
    Fleet.eventually(Duration.ofSeconds(10), () -> traffic.inFlight() == 0);
    Fleet.eventually(Duration.ofSeconds(1), () -> traffic.settledNow().sent() == traffic.sent());

    TrafficReading reading = traffic.settledNow();
    assertThat(reading.answered()).isEqualTo(reading.sent());
    assertThat(called).isEqualTo(surviving);
  }
}
