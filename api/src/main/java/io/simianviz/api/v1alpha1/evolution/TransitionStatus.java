package io.simianviz.api.v1alpha1.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A transition in progress from one version of the spec to the next, applied stage by stage: grow,
 * switch, shrink (docs/evolution.md). The two specs are kept as JSON text, so an operator restarted
 * mid-transition carries on with the same stages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TransitionStatus {
  @JsonPropertyDescription("The metadata.generation the transition started from.")
  private Long fromGeneration;

  @JsonPropertyDescription("The metadata.generation it applies.")
  private Long toGeneration;

  @JsonPropertyDescription("The stage being applied: grow, switch or shrink.")
  private String stage;

  @JsonPropertyDescription(
      "Every stage of this transition, in order (unchanged ones are left out).")
  private List<String> stages = new ArrayList<>();

  @JsonPropertyDescription("The transition plan, as simianviz plan prints it, one line per entry.")
  private List<String> plan = new ArrayList<>();

  @JsonPropertyDescription("When the transition started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the current stage started (RFC 3339).")
  private String stageStartedAt;

  @JsonPropertyDescription("The spec it started from (JSON): what was running.")
  private String from;

  @JsonPropertyDescription("The spec it applies (JSON).")
  private String to;

  @JsonPropertyDescription("The traffic sources' counters, for the transition's figures.")
  private List<SourceCounters> sources = new ArrayList<>();

  @JsonPropertyDescription(
      "The canary of the switch stage, while the plan has tiers that canary; unset otherwise.")
  private CanaryStatus canary;

  public CanaryStatus getCanary() {
    return canary;
  }

  public void setCanary(CanaryStatus canary) {
    this.canary = canary;
  }

  public Long getFromGeneration() {
    return fromGeneration;
  }

  public void setFromGeneration(Long fromGeneration) {
    this.fromGeneration = fromGeneration;
  }

  public Long getToGeneration() {
    return toGeneration;
  }

  public void setToGeneration(Long toGeneration) {
    this.toGeneration = toGeneration;
  }

  public String getStage() {
    return stage;
  }

  public void setStage(String stage) {
    this.stage = stage;
  }

  public List<String> getStages() {
    return stages;
  }

  public void setStages(List<String> stages) {
    this.stages = stages;
  }

  public List<String> getPlan() {
    return plan;
  }

  public void setPlan(List<String> plan) {
    this.plan = plan;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getStageStartedAt() {
    return stageStartedAt;
  }

  public void setStageStartedAt(String stageStartedAt) {
    this.stageStartedAt = stageStartedAt;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public List<SourceCounters> getSources() {
    return sources;
  }

  public void setSources(List<SourceCounters> sources) {
    this.sources = sources;
  }
}
