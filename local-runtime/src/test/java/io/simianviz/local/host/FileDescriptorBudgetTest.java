package io.simianviz.local.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.call.CallPolicy;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FileDescriptorBudgetTest {
  private static final OptionalLong LIMIT = OptionalLong.of(20_000);

  /** netflixoss's tiers at --scale 1000: 632 instances. */
  private static final Map<String, Integer> NETFLIXOSS_1000 =
      Map.of(
          "cassSubscriber", 60,
          "evcacheSubscriber", 30,
          "subscriber", 60,
          "login", 180,
          "homepage", 240,
          "wwwproxy", 60,
          "www-elb", 1,
          "www", 1);

  @Test
  void aSmallRunGetsTheLargestPoolEverywhere() {
    assertThat(
            FileDescriptorBudget.connectionsPerInstance(Map.of("web", 18, "db", 2), LIMIT).values())
        .containsOnly(FileDescriptorBudget.MAX_CONNECTIONS_PER_DESTINATION);
  }

  @Test
  void eachTierGetsAnEqualShareOfTheSpareFilesSplitBetweenItsInstances() {
    // (20000 - 300 reserved - 3 x 632) / 8 tiers = 2225 files per tier; x 4 overcommit / 2 ends
    Map<String, Integer> pools =
        FileDescriptorBudget.connectionsPerInstance(NETFLIXOSS_1000, LIMIT);

    assertThat(pools).containsEntry("homepage", 4450 / 240).containsEntry("login", 4450 / 180);
    assertThat(pools).containsEntry("www-elb", 64).containsEntry("cassSubscriber", 64);
  }

  @Test
  void aSingleInstanceTierKeepsAFullPoolWhenTheLimitIsTight() {
    Map<String, Integer> scale10000 =
        Map.of("homepage", 2_400, "login", 1_800, "cassSubscriber", 2_100, "www-elb", 1, "www", 1);

    Map<String, Integer> pools = FileDescriptorBudget.connectionsPerInstance(scale10000, LIMIT);

    assertThat(pools).containsEntry("homepage", 1).containsEntry("login", 1);
    assertThat(pools).containsEntry("www-elb", 64);
    assertThat(FileDescriptorBudget.problem(6_302)).isNull();
  }

  @Test
  void anUnknownLimitKeepsAPodsPool() {
    assertThat(
            FileDescriptorBudget.connectionsPerInstance(NETFLIXOSS_1000, OptionalLong.empty())
                .values())
        .containsOnly(CallPolicy.defaults().maxConnectionsPerInstance());
  }

  @Test
  void instancesListenOncePerLoopOnlyWhenTheirSocketsFitInHalfTheLimit() {
    assertThat(FileDescriptorBudget.listenPerLoop(632, 2, LIMIT)).as("--scale 1000").isTrue();
    assertThat(FileDescriptorBudget.listenPerLoop(632, 8, LIMIT)).isTrue();
    // 2,415 instances on 2 loops: 4 files each and the reserve make 9,960 of 10,000.
    assertThat(FileDescriptorBudget.listenPerLoop(2_415, 2, LIMIT)).isTrue();
    assertThat(FileDescriptorBudget.listenPerLoop(2_426, 2, LIMIT)).isFalse();
    assertThat(FileDescriptorBudget.listenPerLoop(6_302, 2, LIMIT)).as("--scale 10000").isFalse();
    assertThat(FileDescriptorBudget.listenPerLoop(65, 1, LIMIT)).as("one loop").isFalse();
    assertThat(FileDescriptorBudget.listenPerLoop(65, 2, OptionalLong.empty())).isFalse();
  }
}
