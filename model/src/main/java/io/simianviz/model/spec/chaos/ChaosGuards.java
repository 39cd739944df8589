package io.simianviz.model.spec.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Limits that every chaos action respects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosGuards {
  @JsonPropertyDescription("Never leave a tier with fewer ready instances than this (default 1).")
  @Min(0)
  private Integer minHealthy;

  @JsonPropertyDescription(
      "Largest fraction of an architecture's instances down at once, 0 to 1 (default 0.5).")
  @Min(0)
  @Max(1)
  private Double maxFraction;

  public Integer getMinHealthy() {
    return minHealthy;
  }

  public void setMinHealthy(Integer minHealthy) {
    this.minHealthy = minHealthy;
  }

  public Double getMaxFraction() {
    return maxFraction;
  }

  public void setMaxFraction(Double maxFraction) {
    this.maxFraction = maxFraction;
  }
}
