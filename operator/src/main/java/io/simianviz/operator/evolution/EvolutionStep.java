package io.simianviz.operator.evolution;

import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.AppliedVersion;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import io.simianviz.operator.desired.DesiredObjects;
import io.simianviz.operator.status.Conditions;
import java.time.Instant;
import java.util.List;

/**
 * What one reconcile does about a spec change: the objects it applies and the transition state it
 * writes.
 *
 * @param objects the objects to apply: the spec's, or the current stage's
 * @param applied the spec last converged to
 * @param transition the transition in progress, null when none
 * @param transitions the finished transitions kept, oldest first
 * @param waiting what the current stage waits for (null when no transition runs)
 */
public record EvolutionStep(
    DesiredObjects objects,
    AppliedVersion applied,
    TransitionStatus transition,
    List<TransitionRecord> transitions,
    String waiting) {
  public EvolutionStep {
    transitions = List.copyOf(transitions);
  }

  public boolean inTransition() {
    return transition != null;
  }

  /**
   * Writes the transition state into a status the aggregator made; while a transition runs,
   * Progressing is True with its stage and plan (the aggregator's Deployment roll-out otherwise).
   */
  public void writeTo(ArchitectureStatus status, long generation, Instant now) {
    status.setApplied(applied);
    status.setTransition(transition);
    status.setTransitions(transitions);
    if (transition != null) {
      Conditions conditions = new Conditions(status.getConditions(), generation, now);
      conditions.set(
          Conditions.PROGRESSING,
          true,
          "Transition",
          TransitionText.progressing(transition, waiting));
      status.setConditions(conditions.list());
    } else if (applied != null && applied.getRolledBack() != null) {
      // Not progressing, and not going to: the push waits for the next edit of the spec.
      Conditions conditions = new Conditions(status.getConditions(), generation, now);
      conditions.set(Conditions.PROGRESSING, false, "RolledBack", applied.getRolledBack());
      status.setConditions(conditions.list());
    }
  }
}
