package io.simianviz.model.evolution;

import static io.simianviz.model.evolution.TransitionPlannerTest.tier;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.TierSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierLayersTest {
  private static Map<String, TierSpec> tiers(TierSpec... tiers) {
    Map<String, TierSpec> byName = new LinkedHashMap<>();
    for (TierSpec t : tiers) {
      byName.put(t.getName(), t);
    }
    return byName;
  }

  @Test
  void aTierIsOneAboveTheHighestTierItCalls() {
    Map<String, Integer> layers =
        TierLayers.of(
            tiers(
                tier("elb", "elb", 0, 1, "app", "cache"),
                tier("app", "karyon", 3, 1, "db"),
                tier("cache", "store", 1, 1),
                tier("db", "store", 2, 1)));

    assertThat(layers)
        .containsExactlyInAnyOrderEntriesOf(Map.of("db", 0, "cache", 0, "app", 1, "elb", 2));
  }

  @Test
  void callsToItselfAndToTiersNotDeployedDoNotCount() {
    Map<String, Integer> layers =
        TierLayers.of(tiers(tier("app", "karyon", 3, 1, "app", "eureka")));

    assertThat(layers).containsExactlyEntriesOf(Map.of("app", 0));
  }

  @Test
  void theEdgeThatClosesACycleIsIgnored() {
    // staash calls the store and the store calls staash back: the first one looked at is higher.
    Map<String, Integer> layers =
        TierLayers.of(
            tiers(tier("staash", "staash", 1, 1, "store"), tier("store", "store", 1, 1, "staash")));

    assertThat(layers).containsExactlyInAnyOrderEntriesOf(Map.of("staash", 1, "store", 0));
  }
}
