package io.simianviz.model.spec.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * A rollout that first gives the new version a share of the tier's calls and judges it, Flagger and
 * Argo Rollouts style: promoted when its analysis passes, rolled back when it fails.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanarySpec {
  @JsonPropertyDescription(
      "Percentage of the tier's calls sent to the new version while it is judged, 1 to 99"
          + " (default 10).")
  @Min(1)
  @Max(99)
  private Integer weight;

  @JsonPropertyDescription("How the new version is judged, interval by interval.")
  private CanaryAnalysisSpec analysis;

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }

  public CanaryAnalysisSpec getAnalysis() {
    return analysis;
  }

  public void setAnalysis(CanaryAnalysisSpec analysis) {
    this.analysis = analysis;
  }
}
