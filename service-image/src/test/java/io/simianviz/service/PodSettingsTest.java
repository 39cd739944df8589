package io.simianviz.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.api.model.ServiceTime;
import io.simianviz.api.model.TierPackage;
import io.simianviz.api.v1alpha1.Protocol;
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

  @Test
  void protocolsOfTheInstanceAndOfItsDependencies() {
    PodSettings s =
        PodSettings.fromEnvironment(
            Map.of(
                "SIMIANVIZ_ARCH", "a",
                "SIMIANVIZ_TIER", "api",
                "SIMIANVIZ_PACKAGE", "karyon",
                "SIMIANVIZ_PROTOCOL", "grpc",
                "SIMIANVIZ_DEPENDENCIES", "db:store,cache:cache,api:karyon",
                "SIMIANVIZ_DEPENDENCY_PROTOCOLS", "db=http2, cache:grpc"));

    InstanceConfig c = s.config();
    assertThat(c.protocol()).isEqualTo(Protocol.GRPC);
    assertThat(c.protocolOf("db")).isEqualTo(Protocol.HTTP2);
    assertThat(c.protocolOf("cache")).isEqualTo(Protocol.GRPC);
    // Peers serve what this instance serves.
    assertThat(c.protocolOf("api")).isEqualTo(Protocol.GRPC);
  }

  @Test
  void aBadProtocolNamesTheVariable() {
    Map<String, String> base =
        Map.of(
            "SIMIANVIZ_ARCH", "a",
            "SIMIANVIZ_TIER", "api",
            "SIMIANVIZ_PACKAGE", "karyon",
            "SIMIANVIZ_DEPENDENCIES", "db:store");
    assertThatThrownBy(() -> PodSettings.fromEnvironment(with(base, "SIMIANVIZ_PROTOCOL", "h2c")))
        .hasMessage(
            "SIMIANVIZ_PROTOCOL=\"h2c\" is not valid: \"h2c\" is not a protocol"
                + " (expected one of http, http2, grpc)");
    assertThatThrownBy(
            () ->
                PodSettings.fromEnvironment(
                    with(base, "SIMIANVIZ_DEPENDENCY_PROTOCOLS", "db=quic")))
        .hasMessage(
            "SIMIANVIZ_DEPENDENCY_PROTOCOLS, entry db=quic: \"quic\" is not a protocol"
                + " (expected one of http, http2, grpc)");
    assertThatThrownBy(
            () ->
                PodSettings.fromEnvironment(
                    with(base, "SIMIANVIZ_DEPENDENCY_PROTOCOLS", "web=grpc")))
        .hasMessage(
            "SIMIANVIZ_DEPENDENCY_PROTOCOLS names web, which is not in SIMIANVIZ_DEPENDENCIES");
    assertThatThrownBy(
            () -> PodSettings.fromEnvironment(with(base, "SIMIANVIZ_DEPENDENCY_PROTOCOLS", "db")))
        .hasMessage(
            "SIMIANVIZ_DEPENDENCY_PROTOCOLS entries are tier=protocol, e.g. cassSubscriber=grpc;"
                + " got db");
  }

  private static Map<String, String> with(Map<String, String> base, String name, String value) {
    Map<String, String> env = new java.util.HashMap<>(base);
    env.put(name, value);
    return env;
  }
}
