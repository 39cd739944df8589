package io.simianviz.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.api.model.ServiceTime;
import io.simianviz.api.model.TierPackage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodSettingsTest {
  @Test
  void readsAnInstanceFromTheEnvironment() {
    PodSettings s =
        PodSettings.fromEnvironment(
            Map.of(
                "SIMIANVIZ_ARCH", "netflixoss",
                "SIMIANVIZ_TIER", "subscriber",
                "SIMIANVIZ_PACKAGE", "staash",
                "HOSTNAME", "netflixoss-subscriber-abc",
                "SIMIANVIZ_ZONE", "zoneB",
                "SIMIANVIZ_DEPENDENCIES", "cassSubscriber:priamCassandra, evcache:cache, eureka",
                "SIMIANVIZ_SERVICE_TIME", "constant(3ms)",
                "SIMIANVIZ_CALL_TIMEOUT", "250ms"));

    InstanceConfig c = s.config();
    assertThat(c.name()).isEqualTo("netflixoss-subscriber-abc");
    assertThat(c.zone()).isEqualTo("zoneB");
    assertThat(c.region()).isEqualTo("us-east-1");
    assertThat(c.dependencies())
        .containsExactly(
            Map.entry("cassSubscriber", TierPackage.PRIAM_CASSANDRA),
            Map.entry("evcache", TierPackage.CACHE));
    assertThat(c.crossRegion()).isTrue();
    assertThat(c.serviceTime()).isEqualTo(new ServiceTime.Constant(3_000_000));
    assertThat(c.port()).isEqualTo(8080);
    assertThat(s.policy().timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.zones()).containsExactly("zoneA", "zoneB", "zoneC");
    assertThat(s.traffic()).isNull();
  }

  @Test
  void aDenominatorGetsItsTrafficAndBadValuesAreNamed() {
    PodSettings s =
        PodSettings.fromEnvironment(
            Map.of(
                "SIMIANVIZ_ARCH", "a",
                "SIMIANVIZ_TIER", "www",
                "SIMIANVIZ_PACKAGE", "denominator",
                "SIMIANVIZ_TRAFFIC_RATE", "250",
                "SIMIANVIZ_TRAFFIC_MIX", "90:10"));
    assertThat(s.traffic()).isEqualTo(TrafficSource.Options.of(250, 90, 10));

    assertThatThrownBy(
            () ->
                PodSettings.fromEnvironment(
                    Map.of(
                        "SIMIANVIZ_ARCH", "a", "SIMIANVIZ_TIER", "x", "SIMIANVIZ_PACKAGE", "db")))
        .hasMessageStartingWith("SIMIANVIZ_PACKAGE must be one of");
    assertThatThrownBy(
            () ->
                PodSettings.fromEnvironment(
                    Map.of(
                        "SIMIANVIZ_ARCH", "a",
                        "SIMIANVIZ_TIER", "x",
                        "SIMIANVIZ_PACKAGE", "store",
                        "SIMIANVIZ_RETRIES", "many")))
        .hasMessageStartingWith("SIMIANVIZ_RETRIES=\"many\" is not valid");
  }
}
