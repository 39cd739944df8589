package io.simianviz.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.simianviz.api.v1alpha1.TierSpec;
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
    tier.setResources(
        new ResourceRequirementsBuilder()
            .addToRequests("cpu", new Quantity("250m"))
            .addToLimits("memory", new Quantity("48Mi"))
            .build());
    assertThat(TierResources.requests(tier, REQUESTS, LIMITS))
        .isEqualTo(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("48Mi")));
    assertThat(TierResources.limits(tier, LIMITS))
        .isEqualTo(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("48Mi")));
  }
}
