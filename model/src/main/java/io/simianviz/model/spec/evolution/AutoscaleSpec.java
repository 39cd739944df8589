package io.simianviz.model.spec.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/**
 * Instances per region follow the measured load, as a HorizontalPodAutoscaler does: up at once,
 * down only when every recommendation of the stabilization window allows it. The tier's count is
 * where it starts. One target: requests per instance or p99 latency.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoscaleSpec {
  @JsonPropertyDescription("Fewest instances per region, at least 1.")
  @Min(1)
  private Integer min;

  @JsonPropertyDescription("Most instances per region, at least min.")
  @Min(1)
  private Integer max;

  @JsonPropertyDescription(
      "Requests per second each instance should serve; instances are added when they serve more."
          + " Give this or targetP99Ms.")
  @Min(0)
  private Double targetRequestsPerInstance;

  @JsonPropertyDescription(
      "99th percentile latency of the tier's calls, milliseconds, to keep under by adding"
          + " instances. Give this or targetRequestsPerInstance.")
  @Min(0)
  private Double targetP99Ms;

  @JsonPropertyDescription(
      "How long recommendations must allow a scale-down before it happens, e.g. 60s (default"
          + " 60s); scale-up is immediate.")
  @Pattern("^\\s*([0-9]+(\\.[0-9]+)?(us|ms|s|m|h))+\\s*$")
  private String stabilizationWindow;

  public Integer getMin() {
    return min;
  }

  public void setMin(Integer min) {
    this.min = min;
  }

  public Integer getMax() {
    return max;
  }

  public void setMax(Integer max) {
    this.max = max;
  }

  public Double getTargetRequestsPerInstance() {
    return targetRequestsPerInstance;
  }

  public void setTargetRequestsPerInstance(Double targetRequestsPerInstance) {
    this.targetRequestsPerInstance = targetRequestsPerInstance;
  }

  public Double getTargetP99Ms() {
    return targetP99Ms;
  }

  public void setTargetP99Ms(Double targetP99Ms) {
    this.targetP99Ms = targetP99Ms;
  }

  public String getStabilizationWindow() {
    return stabilizationWindow;
  }

  public void setStabilizationWindow(String stabilizationWindow) {
    this.stabilizationWindow = stabilizationWindow;
  }
}
