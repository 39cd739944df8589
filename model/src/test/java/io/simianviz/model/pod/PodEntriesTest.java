package io.simianviz.model.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodEntriesTest {

  @Test
  void dependencyEntriesRoundTrip() {
    List<DependencyEntry> entries =
        List.of(
            new DependencyEntry("cassSubscriber", TierPackage.PRIAM_CASSANDRA, Protocol.GRPC),
            new DependencyEntry("www-elb", TierPackage.ELB, Protocol.HTTP));
    String value = DependencyEntry.formatAll(entries);
    assertThat(value).isEqualTo("cassSubscriber=priamCassandra:grpc,www-elb=elb:http");
    assertThat(DependencyEntry.parseAll(value)).isEqualTo(entries);
    assertThat(DependencyEntry.parseAll(" ,")).isEmpty();
    assertThat(DependencyEntry.parseAll(null)).isEmpty();
  }

  @Test
  void badDependencyEntriesNameTheVariableAndTheEntry() {
    assertThatThrownBy(() -> DependencyEntry.parseAll("store"))
        .hasMessage(
            "SIMIANVIZ_DEPENDENCIES entry 'store': expected tier=package:protocol,"
                + " e.g. cassSubscriber=priamCassandra:http");
    assertThatThrownBy(() -> DependencyEntry.parseAll("a=store:http,b=mysql:http"))
        .hasMessageStartingWith(
            "SIMIANVIZ_DEPENDENCIES entry 'b=mysql:http': unknown package 'mysql', one of ");
    assertThatThrownBy(() -> DependencyEntry.parseAll("a=store:smtp"))
        .hasMessage(
            "SIMIANVIZ_DEPENDENCIES entry 'a=store:smtp': \"smtp\" is not a protocol"
                + " (expected one of http, http2, grpc)");
  }

  @Test
  void discoveryEntriesRoundTrip() {
    List<DiscoveryEntry> entries =
        List.of(
            new DiscoveryEntry("store", "us-east-1", "zoneA", "lamp-store-zone-a"),
            new DiscoveryEntry("www-elb", "*", "*", "lamp-www-elb"));
    String value = DiscoveryEntry.formatAll(entries);
    assertThat(value).isEqualTo("store/us-east-1/zoneA=lamp-store-zone-a,www-elb/*/*=lamp-www-elb");
    assertThat(DiscoveryEntry.parseAll(value)).isEqualTo(entries);
  }

  @Test
  void badDiscoveryEntriesNameTheVariableAndTheEntry() {
    for (String bad : List.of("store=x", "store/zoneA=x", "store/r/z=", "/r/z=x", "store/r/z")) {
      assertThatThrownBy(() -> DiscoveryEntry.parseAll(bad))
          .hasMessage(
              "SIMIANVIZ_DISCOVERY entry '"
                  + bad
                  + "': expected tier/region/zone=service,"
                  + " e.g. store/us-east-1/zoneA=arch-store-zone-a");
    }
  }
}
