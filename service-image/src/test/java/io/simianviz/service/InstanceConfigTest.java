package io.simianviz.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.Protocol;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.Instance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the local runtime tells every caller what its dependencies serve. */
class InstanceConfigTest {
  private static final Instance API =
      new Instance(
          "a.us-east-1.zoneA.api00", "api", TierPackage.KARYON, "us-east-1", "zoneA", 0, 0);

  @Test
  void eachDependencyIsCalledInTheProtocolItsOwnSpecGives() {
    Map<String, TierSpec> tiers =
        Map.of(
            "api", tier("api", "karyon", Protocol.GRPC, "db", "cache", "eureka"),
            "db", tier("db", "store", Protocol.HTTP2),
            "cache", tier("cache", "cache", null),
            "eureka", tier("eureka", "eureka", null));

    InstanceConfig c = InstanceConfig.of("a", API, tiers, "127.0.0.2", 8080);

    assertThat(c.protocol()).isEqualTo(Protocol.GRPC);
    assertThat(c.dependencyTiers()).containsExactly("db", "cache");
    assertThat(c.dependencyProtocols())
        .containsOnly(Map.entry("db", Protocol.HTTP2), Map.entry("cache", Protocol.HTTP));
    assertThat(c.crossRegion()).isTrue();
    assertThat(c.withAddress("127.0.0.3", 0).dependencyProtocols())
        .isEqualTo(c.dependencyProtocols());
  }

  @Test
  void aProtocolForATierThatIsNotADependencyIsRejected() {
    InstanceConfig c =
        InstanceConfig.of("a", API, Map.of("api", tier("api", "karyon", null)), "127.0.0.2", 8080);

    assertThatThrownBy(
            () ->
                new InstanceConfig(
                    c.arch(),
                    c.name(),
                    c.tier(),
                    c.pkg(),
                    c.region(),
                    c.zone(),
                    c.dependencies(),
                    false,
                    c.protocol(),
                    Map.of("db", Protocol.GRPC),
                    c.serviceTime(),
                    0,
                    0,
                    1,
                    c.fanout(),
                    c.host(),
                    0))
        .hasMessage("protocol given for db, which is not a dependency of api");
  }

  private static TierSpec tier(String name, String pkg, Protocol protocol, String... deps) {
    TierSpec t = new TierSpec();
    t.setName(name);
    t.setPackageName(pkg);
    t.setProtocol(protocol);
    t.setDependencies(List.of(deps));
    return t;
  }
}
