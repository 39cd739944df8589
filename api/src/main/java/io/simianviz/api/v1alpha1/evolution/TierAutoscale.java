package io.simianviz.api.v1alpha1.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The operator's autoscaling of one tier: where it stands and its last change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TierAutoscale {
  @JsonPropertyDescription("The tier's name as written in the spec.")
  private String tier;

  @JsonPropertyDescription(
      "What is measured against the target: requestsPerInstance (requests per second each"
          + " instance served) or p99Ms (the tier's 99th percentile latency).")
  private String metric;

  @JsonPropertyDescription("The target of that metric, from spec.services[].autoscale.")
  private Double target;

  @JsonPropertyDescription("Instances per region the tier's Deployments run now (min..max).")
  private Integer current;

  @JsonPropertyDescription(
      "Instances per region the last measure recommended; lower than current while the"
          + " stabilization window holds a scale-down back.")
  private Integer recommended;

  @JsonPropertyDescription(
      "When current last changed (RFC 3339); unset while it is where the tier started.")
  private String lastChange;

  @JsonPropertyDescription("Why current is what it is: the measure and target of the last change.")
  private String reason;

  public String getTier() {
    return tier;
  }

  public void setTier(String tier) {
    this.tier = tier;
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public Double getTarget() {
    return target;
  }

  public void setTarget(Double target) {
    this.target = target;
  }

  public Integer getCurrent() {
    return current;
  }

  public void setCurrent(Integer current) {
    this.current = current;
  }

  public Integer getRecommended() {
    return recommended;
  }

  public void setRecommended(Integer recommended) {
    this.recommended = recommended;
  }

  public String getLastChange() {
    return lastChange;
  }

  public void setLastChange(String lastChange) {
    this.lastChange = lastChange;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
