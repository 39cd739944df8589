package io.simianviz.service.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPartitionTest {
  private final NetworkPartition partition = new NetworkPartition();

  @Test
  void cutsCallsFromAndToIsolatedInstancesButNeverATrafficSourcesOwn() {
    assertThat(partition.cuts("web-a", "db-a")).isFalse();

    partition.isolate(List.of("db-a", "web-b"));

    assertThat(partition.cuts("web-a", "db-a")).isTrue();
    assertThat(partition.cuts("web-b", "db-b")).isTrue();
    assertThat(partition.cuts("web-a", "db-b")).isFalse();
    assertThat(partition.cuts(null, "db-a")).isTrue();
    assertThat(partition.cuts(null, "db-b")).isFalse();
    assertThat(partition.blackholed()).isEqualTo(3);
  }

  @Test
  void healingReconnectsOnlyTheNamedInstances() {
    partition.isolate(List.of("db-a", "db-b"));
    partition.isolate(List.of("db-b", "db-c"));
    partition.heal(List.of("db-b", "unknown"));

    assertThat(partition.isolated()).containsExactlyInAnyOrder("db-a", "db-c");
    assertThat(partition.isIsolated("db-a")).isTrue();
    assertThat(partition.isIsolated("db-b")).isFalse();

    partition.heal(partition.isolated());
    assertThat(partition.isolated()).isEmpty();
  }
}
