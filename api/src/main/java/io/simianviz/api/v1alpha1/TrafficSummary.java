package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Totals and latency percentiles measured by the traffic sources. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficSummary {
  @JsonPropertyDescription("Requests sent.")
  private Long requests;

  @JsonPropertyDescription("Requests that failed.")
  private Long errors;

  @JsonPropertyDescription("Percentage of requests that succeeded.")
  private Double successRate;

  @JsonPropertyDescription("Median end-to-end latency in milliseconds.")
  private Double p50;

  @JsonPropertyDescription("99th percentile end-to-end latency in milliseconds.")
  private Double p99;

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

  public Double getP50() {
    return p50;
  }

  public void setP50(Double p50) {
    this.p50 = p50;
  }

  public Double getP99() {
    return p99;
  }

  public void setP99(Double p99) {
    this.p99 = p99;
  }
}
