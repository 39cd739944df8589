package io.simianviz.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FileDescriptorBudgetTest {
  private static final OptionalLong LIMIT = OptionalLong.of(20_000);

  @Test
  void aSmallRunGetsTheLargestPoolPerDestination() {
    assertThat(FileDescriptorBudget.connectionsPerDestination(65, LIMIT))
        .isEqualTo(FileDescriptorBudget.MAX_CONNECTIONS_PER_DESTINATION);
  }

  @Test
  void theLimitSharesTheRestOutBetweenBothEndsOfEveryInstancesConnections() {
    // 4 x (20000 - 300 reserved - 3 x 632) / (2 x 632) = 56
    assertThat(FileDescriptorBudget.connectionsPerDestination(632, LIMIT)).isEqualTo(56);
    assertThat(FileDescriptorBudget.connectionsPerDestination(2_000, LIMIT)).isEqualTo(13);
  }

  @Test
  void aRunAtTheEdgeOfTheLimitStillGetsOneConnectionPerDestination() {
    assertThat(FileDescriptorBudget.connectionsPerDestination(6_302, LIMIT)).isEqualTo(1);
    assertThat(FileDescriptorBudget.problem(6_302)).isNull();
  }

  @Test
  void anUnknownLimitKeepsAPodsPool() {
    assertThat(FileDescriptorBudget.connectionsPerDestination(632, OptionalLong.empty()))
        .isEqualTo(8);
  }
}
