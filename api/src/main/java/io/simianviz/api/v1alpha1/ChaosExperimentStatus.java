package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.simianviz.model.chaos.ExperimentStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The status of a ChaosExperiment on a cluster: what the experiment did and how the application
 * took it (the model's {@link ExperimentStatus}, also a local run's {@code experiments[]} entry),
 * plus what only a cluster needs: the generation observed, conditions, and the record of what to
 * restore, kept here so that an operator restarted mid-experiment still restores.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosExperimentStatus extends ExperimentStatus {
  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Standard conditions (type, status, reason, message, lastTransitionTime,"
          + " observedGeneration).")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription(
      "What the operator changed and must put back when the outage ends, written before it"
          + " changes anything; absent when nothing is to be restored.")
  private RestoreRecord restore;

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

  public RestoreRecord getRestore() {
    return restore;
  }

  public void setRestore(RestoreRecord restore) {
    this.restore = restore;
  }
}
