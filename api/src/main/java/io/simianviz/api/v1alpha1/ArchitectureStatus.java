package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.simianviz.api.v1alpha1.evolution.AppliedVersion;
import io.simianviz.api.v1alpha1.evolution.TierAutoscale;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import java.util.ArrayList;
import java.util.List;

/** Observed state of an architecture. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ArchitectureStatus {
  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Progressing, Degraded, InvalidSpec, Segmented and ChaosActive conditions.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Tiers with all instances ready, over all tiers (e.g. 7/8).")
  private String tiersReady;

  @JsonPropertyDescription("Per-tier readiness.")
  private List<TierStatus> tiers = new ArrayList<>();

  @JsonPropertyDescription("Traffic measured by the traffic sources.")
  private TrafficSummary traffic;

  @JsonPropertyDescription("Chaos actions taken on this architecture.")
  private ChaosSummary chaos;

  @JsonPropertyDescription(
      "What the segmentation probes found (after the tiers are ready; once per generation and"
          + " periodically).")
  private SegmentationStatus segmentation;

  @JsonPropertyDescription(
      "The operator's autoscaling of each tier with spec.services[].autoscale (not with the HPA"
          + " alternative, whose HorizontalPodAutoscalers have their own status).")
  private List<TierAutoscale> autoscale;

  @JsonPropertyDescription(
      "The spec the architecture last converged to, where the next transition starts.")
  private AppliedVersion applied;

  @JsonPropertyDescription("The transition in progress to the current spec, stage by stage.")
  private TransitionStatus transition;

  @JsonPropertyDescription("The last 10 transitions, oldest first, with their traffic figures.")
  private List<TransitionRecord> transitions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getTiersReady() {
    return tiersReady;
  }

  public void setTiersReady(String tiersReady) {
    this.tiersReady = tiersReady;
  }

  public List<TierStatus> getTiers() {
    return tiers;
  }

  public void setTiers(List<TierStatus> tiers) {
    this.tiers = tiers;
  }

  public TrafficSummary getTraffic() {
    return traffic;
  }

  public void setTraffic(TrafficSummary traffic) {
    this.traffic = traffic;
  }

  public ChaosSummary getChaos() {
    return chaos;
  }

  public void setChaos(ChaosSummary chaos) {
    this.chaos = chaos;
  }

  public SegmentationStatus getSegmentation() {
    return segmentation;
  }

  public void setSegmentation(SegmentationStatus segmentation) {
    this.segmentation = segmentation;
  }

  public List<TierAutoscale> getAutoscale() {
    return autoscale;
  }

  public void setAutoscale(List<TierAutoscale> autoscale) {
    this.autoscale = autoscale;
  }

  public AppliedVersion getApplied() {
    return applied;
  }

  public void setApplied(AppliedVersion applied) {
    this.applied = applied;
  }

  public TransitionStatus getTransition() {
    return transition;
  }

  public void setTransition(TransitionStatus transition) {
    this.transition = transition;
  }

  public List<TransitionRecord> getTransitions() {
    return transitions;
  }

  public void setTransitions(List<TransitionRecord> transitions) {
    this.transitions = transitions;
  }
}
