package io.simianviz.api.v1alpha1.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.simianviz.model.chaos.TrafficCounters;

/**
 * One traffic source pod's settled counters at the start of a transition and at the latest poll,
 * kept so a transition's figures survive a restart of the operator and the source pod's replacement
 * (a pod gone keeps its last reading).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceCounters {
  @JsonPropertyDescription("The traffic source pod's UID.")
  private String pod;

  @JsonPropertyDescription(
      "Its counters when the transition started (absent for a pod started since).")
  private TrafficCounters start;

  @JsonPropertyDescription("Its counters at the latest poll.")
  private TrafficCounters last;

  public String getPod() {
    return pod;
  }

  public void setPod(String pod) {
    this.pod = pod;
  }

  public TrafficCounters getStart() {
    return start;
  }

  public void setStart(TrafficCounters start) {
    this.start = start;
  }

  public TrafficCounters getLast() {
    return last;
  }

  public void setLast(TrafficCounters last) {
    this.last = last;
  }
}
