package io.simianviz.api.v1alpha1.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One analysis interval of a tier's canary: what its canary pods served, and the verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryInterval {
  @JsonPropertyDescription("The tier whose canary pods served it.")
  private String tier;

  @JsonPropertyDescription("Start of the interval, in milliseconds since the epoch.")
  private Long fromMillis;

  @JsonPropertyDescription("End of the interval, in milliseconds since the epoch.")
  private Long toMillis;

  @JsonPropertyDescription("Requests the canary pods served in the interval.")
  private Long requests;

  @JsonPropertyDescription("Of those, the ones answered with a status of 400 or more.")
  private Long errors;

  @JsonPropertyDescription("Answered without error over requests, 0 to 1.")
  private Double successRate;

  @JsonPropertyDescription("The 99th percentile of the served latency, in milliseconds.")
  private Double p99Ms;

  @JsonPropertyDescription("Why the interval failed the analysis; unset when it passed.")
  private String failure;

  public String getTier() {
    return tier;
  }

  public void setTier(String tier) {
    this.tier = tier;
  }

  public Long getFromMillis() {
    return fromMillis;
  }

  public void setFromMillis(Long fromMillis) {
    this.fromMillis = fromMillis;
  }

  public Long getToMillis() {
    return toMillis;
  }

  public void setToMillis(Long toMillis) {
    this.toMillis = toMillis;
  }

  public Long getRequests() {
    return requests;
  }

  public void setRequests(Long requests) {
    this.requests = requests;
  }

  public Long getErrors() {
    return errors;
  }

  public void setErrors(Long errors) {
    this.errors = errors;
  }

  public Double getSuccessRate() {
    return successRate;
  }

  public void setSuccessRate(Double successRate) {
    this.successRate = successRate;
  }

  public Double getP99Ms() {
    return p99Ms;
  }

  public void setP99Ms(Double p99Ms) {
    this.p99Ms = p99Ms;
  }

  public String getFailure() {
    return failure;
  }

  public void setFailure(String failure) {
    this.failure = failure;
  }
}
