package io.simianviz.model.spec.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What the application must keep doing for an experiment to pass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SteadyStateSpec {
  @JsonPropertyDescription(
      "Lowest share of requests answered without error in every window, 0 to 1 (default 0.99).")
  @Min(0)
  @Max(1)
  private Double minSuccessRate;

  @JsonPropertyDescription(
      "Highest 99th percentile end-to-end latency in milliseconds in every window (default: no"
          + " latency limit).")
  @Min(0)
  private Double maxP99Ms;

  @JsonPropertyDescription(
      "Length of the steady-state window before the outage and of the recovery window after it,"
          + " above 0, e.g. 10s (default 10s).")
  @Pattern(ChaosExperimentSpec.DURATION_PATTERN)
  @Size(max = ChaosExperimentSpec.MAX_TEXT)
  @ValidationRule(value = ChaosExperimentSpec.NOT_ZERO, message = "must be longer than 0")
  private String window;

  @JsonPropertyDescription(
      "How often the traffic counters are read during the outage, above 0, e.g. 2s (default 2s); each"
          + " reading covers the time since the previous one.")
  @Pattern(ChaosExperimentSpec.DURATION_PATTERN)
  @Size(max = ChaosExperimentSpec.MAX_TEXT)
  @ValidationRule(value = ChaosExperimentSpec.NOT_ZERO, message = "must be longer than 0")
  private String interval;

  @JsonPropertyDescription(
      "Consecutive readings below the thresholds after which the experiment is aborted, restored"
          + " and failed (default 3).")
  @Min(1)
  private Integer failureThreshold;

  public Double getMinSuccessRate() {
    return minSuccessRate;
  }

  public void setMinSuccessRate(Double minSuccessRate) {
    this.minSuccessRate = minSuccessRate;
  }

  public Double getMaxP99Ms() {
    return maxP99Ms;
  }

  public void setMaxP99Ms(Double maxP99Ms) {
    this.maxP99Ms = maxP99Ms;
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = window;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public Integer getFailureThreshold() {
    return failureThreshold;
  }

  public void setFailureThreshold(Integer failureThreshold) {
    this.failureThreshold = failureThreshold;
  }
}
