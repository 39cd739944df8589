package io.simianviz.api.v1alpha1.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The canary of a transition's switch stage (docs/evolution.md, "Code push"): kept in the status so
 * a restarted operator carries on judging from the intervals already judged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryStatus {
  @JsonPropertyDescription(
      "judging: the canary Deployments serve and are judged; promoting: the tiers roll to the new"
          + " version, the canary Deployments still there; promoted: the canary Deployments are"
          + " gone.")
  private String phase;

  @JsonPropertyDescription("The tiers that canary, in plan order.")
  private List<String> tiers = new ArrayList<>();

  @JsonPropertyDescription(
      "When the canary Deployments were rolled out and judging started (RFC 3339); unset while"
          + " they start.")
  private String startedAt;

  @JsonPropertyDescription("The intervals judged so far, oldest first.")
  private List<CanaryInterval> intervals = new ArrayList<>();

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public List<String> getTiers() {
    return tiers;
  }

  public void setTiers(List<String> tiers) {
    this.tiers = tiers;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public List<CanaryInterval> getIntervals() {
    return intervals;
  }

  public void setIntervals(List<CanaryInterval> intervals) {
    this.intervals = intervals;
  }
}
