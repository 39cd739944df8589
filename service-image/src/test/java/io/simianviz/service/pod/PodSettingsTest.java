package io.simianviz.service.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.model.ServiceTime;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.traffic.TrafficSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodSettingsTest {
  static Map<String, String> base(String tier, String pkg) {
    Map<String, String> env = new HashMap<>();
    env.put("SIMIANVIZ_ARCH", "a");
    env.put("SIMIANVIZ_TIER", tier);
    env.put("SIMIANVIZ_PACKAGE", pkg);
    return env;
  }

  @Test
  void readsAnInstanceFromTheEnvironment() {
    Map<String, String> env = base("subscriber", "staash");
    env.put("SIMIANVIZ_POD_NAME", "netflixoss-subscriber-abc");
    env.put("SIMIANVIZ_ZONE", "zoneB");
    env.put("SIMIANVIZ_DEPENDENCIES", "cassSubscriber=priamCassandra:http, evcache=cache:http");
    env.put("SIMIANVIZ_CROSS_REGION", "true");
    env.put(
        "SIMIANVIZ_DISCOVERY",
        "cassSubscriber/us-east-1/zoneA=n-cass-a,evcache/us-east-1/zoneA=n-evcache-a");
    env.put("SIMIANVIZ_SERVICE_TIME", "constant(3ms)");
    env.put("SIMIANVIZ_CALL_TIMEOUT", "250ms");
    env.put("SIMIANVIZ_ADMIN_PORT", "8081");
    PodSettings s = PodSettings.fromEnvironment(env);

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
    assertThat(s.adminPort()).isEqualTo(8081);
    assertThat(s.policy().timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.discovery())
        .extracting(d -> d.service())
        .containsExactly("n-cass-a", "n-evcache-a");
    assertThat(s.traffic()).isNull();
  }

  @Test
  void aDenominatorGetsItsTrafficUnlessDisabled() {
    Map<String, String> env = base("www", "denominator");
    env.put("SIMIANVIZ_TRAFFIC_RATE", "250");
    env.put("SIMIANVIZ_TRAFFIC_GET", "90");
    env.put("SIMIANVIZ_TRAFFIC_PUT", "10");
    assertThat(PodSettings.fromEnvironment(env).traffic())
        .isEqualTo(TrafficSource.Options.of(250, 90, 10));

    env.put("SIMIANVIZ_TRAFFIC_ENABLED", "false");
    assertThat(PodSettings.fromEnvironment(env).traffic()).isNull();
  }

  @Test
  void aDenominatorFollowsItsSchedulePausedAtFirstOrNot() {
    Map<String, String> env = base("www", "denominator");
    env.put("SIMIANVIZ_TRAFFIC_RATE", "0");
    env.put("SIMIANVIZ_TRAFFIC_SCHEDULE", "30000ms=800");
    PodSettings s = PodSettings.fromEnvironment(env);
    assertThat(s.traffic()).as("a source that will send is a source").isNotNull();
    assertThat(s.rates().rateAt(Duration.ofSeconds(29))).isEqualTo(0);
    assertThat(s.rates().rateAt(Duration.ofSeconds(30))).isEqualTo(800);

    env.put("SIMIANVIZ_TRAFFIC_SCHEDULE", "30000ms=0");
    assertThat(PodSettings.fromEnvironment(env).traffic()).as("never sends").isNull();

    env.put("SIMIANVIZ_TRAFFIC_SCHEDULE", "30s=fast");
    assertThatThrownBy(() -> PodSettings.fromEnvironment(env))
        .hasMessage(
            "SIMIANVIZ_TRAFFIC_SCHEDULE=\"30s=fast\" is not valid: \"30s=fast\": the rate is not a"
                + " number");
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> PodSettings.fromEnvironment(base("x", "db")))
        .hasMessageStartingWith("SIMIANVIZ_PACKAGE must be one of");

    Map<String, String> retries = base("x", "store");
    retries.put("SIMIANVIZ_RETRIES", "many");
    assertThatThrownBy(() -> PodSettings.fromEnvironment(retries))
        .hasMessageStartingWith("SIMIANVIZ_RETRIES=\"many\" is not valid");

    Map<String, String> undiscovered = base("x", "karyon");
    undiscovered.put("SIMIANVIZ_DEPENDENCIES", "store=store:http");
    assertThatThrownBy(() -> PodSettings.fromEnvironment(undiscovered))
        .hasMessage("SIMIANVIZ_DISCOVERY has no entry for dependency store");

    Map<String, String> flag = base("x", "denominator");
    flag.put("SIMIANVIZ_TRAFFIC_ENABLED", "yes");
    assertThatThrownBy(() -> PodSettings.fromEnvironment(flag))
        .hasMessage("SIMIANVIZ_TRAFFIC_ENABLED=\"yes\" is not valid: expected true or false");

    Map<String, String> ports = base("x", "store");
    ports.put("SIMIANVIZ_ADMIN_PORT", "8080");
    assertThatThrownBy(() -> PodSettings.fromEnvironment(ports))
        .hasMessage("SIMIANVIZ_ADMIN_PORT must differ from SIMIANVIZ_PORT (both 8080)");
    // Port 0 (any free port) twice is no clash, and 0 means no admin port at all.
    ports.put("SIMIANVIZ_PORT", "0");
    ports.put("SIMIANVIZ_ADMIN_PORT", "0");
    assertThat(PodSettings.fromEnvironment(ports).adminPort()).isZero();
  }

  @Test
  void protocolsOfTheInstanceAndOfItsDependencies() {
    Map<String, String> env = base("api", "karyon");
    env.put("SIMIANVIZ_PROTOCOL", "grpc");
    env.put("SIMIANVIZ_DEPENDENCIES", "db=store:http2,cache=cache:grpc,api=karyon:grpc");
    env.put("SIMIANVIZ_DISCOVERY", "db/*/*=db,cache/*/*=cache,api/*/*=api");
    InstanceConfig c = PodSettings.fromEnvironment(env).config();
    assertThat(c.protocol()).isEqualTo(Protocol.GRPC);
    assertThat(c.protocolOf("db")).isEqualTo(Protocol.HTTP2);
    assertThat(c.protocolOf("cache")).isEqualTo(Protocol.GRPC);
    assertThat(c.protocolOf("api")).isEqualTo(Protocol.GRPC);
  }

  @Test
  void aBadProtocolNamesTheVariable() {
    Map<String, String> env = base("api", "karyon");
    env.put("SIMIANVIZ_PROTOCOL", "h2c");
    assertThatThrownBy(() -> PodSettings.fromEnvironment(env))
        .hasMessage(
            "SIMIANVIZ_PROTOCOL=\"h2c\" is not valid: \"h2c\" is not a protocol"
                + " (expected one of http, http2, grpc)");
    env.remove("SIMIANVIZ_PROTOCOL");
    env.put("SIMIANVIZ_DEPENDENCIES", "db=store:quic");
    assertThatThrownBy(() -> PodSettings.fromEnvironment(env))
        .hasMessage(
            "SIMIANVIZ_DEPENDENCIES entry 'db=store:quic': \"quic\" is not a protocol"
                + " (expected one of http, http2, grpc)");
  }
}
