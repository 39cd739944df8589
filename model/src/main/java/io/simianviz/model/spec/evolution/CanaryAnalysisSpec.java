package io.simianviz.model.spec.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** The thresholds a canary must meet in each interval, and how many misses roll it back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryAnalysisSpec {
  @JsonPropertyDescription(
      "Lowest share of the new version's calls answered without error in an interval, 0 to 1"
          + " (default 0.99).")
  @Min(0)
  @Max(1)
  private Double minSuccessRate;

  @JsonPropertyDescription(
      "Highest 99th percentile latency of the new version's calls in an interval, milliseconds"
          + " (default: no latency limit).")
  @Min(0)
  private Double maxP99Ms;

  @JsonPropertyDescription("Length of one analysis interval, e.g. 30s (default 30s).")
  @Pattern("^\\s*([0-9]+(\\.[0-9]+)?(us|ms|s|m|h))+\\s*$")
  private String interval;

  @JsonPropertyDescription("Failed intervals after which the rollout is rolled back (default 2).")
  @Min(1)
  private Integer failureLimit;

  @JsonPropertyDescription(
      "Intervals the canary runs before it is promoted, when fewer than failureLimit of them"
          + " failed (default 5).")
  @Min(1)
  private Integer iterations;

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

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public Integer getFailureLimit() {
    return failureLimit;
  }

  public void setFailureLimit(Integer failureLimit) {
    this.failureLimit = failureLimit;
  }

  public Integer getIterations() {
    return iterations;
  }

  public void setIterations(Integer iterations) {
    this.iterations = iterations;
  }
}
