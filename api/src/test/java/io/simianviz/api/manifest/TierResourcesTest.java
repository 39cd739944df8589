package io.simianviz.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.simianviz.model.spec.ComputeResources;
import io.simianviz.model.spec.TierSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierResourcesTest {
  private static final Map<String, Quantity> REQUESTS = NanoservicePod.DEFAULT_REQUESTS;
  private static final Map<String, Quantity> LIMITS = NanoservicePod.DEFAULT_LIMITS;

  @Test
  void defaultsWhenTheTierSetsNothing() {
    TierSpec tier = new TierSpec();
    assertThat(TierResources.requests(tier, REQUESTS, LIMITS))
        .isEqualTo(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("64Mi")));
    assertThat(TierResources.limits(tier, LIMITS))
        .isEqualTo(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("128Mi")));
  }

  @Test
  void tierValuesWinPerResourceAndADefaultRequestNeverExceedsTheLimit() {
    TierSpec tier = new TierSpec();
    ComputeResources own = new ComputeResources();
    own.getRequests().put("cpu", "250m");
    own.getLimits().put("memory", "48Mi");
    tier.setResources(own);
    assertThat(TierResources.requests(tier, REQUESTS, LIMITS))
        .isEqualTo(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("48Mi")));
    assertThat(TierResources.limits(tier, LIMITS))
        .isEqualTo(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("48Mi")));
  }
}
