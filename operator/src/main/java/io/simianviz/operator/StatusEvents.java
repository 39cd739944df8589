package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Condition;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import io.simianviz.operator.autoscale.AutoscaleEvents;
import io.simianviz.operator.evolution.TransitionText;
import io.simianviz.operator.status.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle steps a person reading {@code kubectl describe arch} wants as events: the spec
 * became invalid (or its problems changed), valid again, every tier ready, a Deployment failing.
 * Derived from condition changes only, so a steady architecture records nothing.
 */
@ApplicationScoped
public class StatusEvents {
  private final ArchitectureEvents events;

  public StatusEvents(ArchitectureEvents events) {
    this.events = events;
  }

  void announce(Architecture architecture, ArchitectureStatus previous, ArchitectureStatus next) {
    List<Condition> before = previous == null ? List.of() : previous.getConditions();
    List<Condition> after = next.getConditions();
    Optional<Condition> invalid = Conditions.find(after, Conditions.INVALID_SPEC);
    if (becameTrueOrChanged(before, invalid)) {
      events.record(
          architecture, ArchitectureEvents.WARNING, "InvalidSpec", invalid.get().getMessage());
    } else if (Conditions.isTrue(before, Conditions.INVALID_SPEC)
        && !Conditions.isTrue(after, Conditions.INVALID_SPEC)) {
      events.record(
          architecture, ArchitectureEvents.NORMAL, "SpecValid", "the spec is valid again");
    }
    Optional<Condition> ready = Conditions.find(after, Conditions.READY);
    if (ready.isPresent() && becameTrue(before, ready.get())) {
      events.record(architecture, ArchitectureEvents.NORMAL, "Ready", ready.get().getMessage());
    }
    transition(architecture, previous, next);
    Optional<Condition> degraded = Conditions.find(after, Conditions.DEGRADED);
    if (becameTrueOrChanged(before, degraded)) {
      events.record(
          architecture, ArchitectureEvents.WARNING, "Degraded", degraded.get().getMessage());
    }
    for (String change : AutoscaleEvents.changes(previous, next)) {
      events.record(architecture, ArchitectureEvents.NORMAL, AutoscaleEvents.REASON, change);
    }
  }

  /** A stage of a transition started; a transition ended (converged, superseded or rolled back). */
  private void transition(
      Architecture architecture, ArchitectureStatus previous, ArchitectureStatus next) {
    TransitionStatus was = previous == null ? null : previous.getTransition();
    TransitionStatus now = next.getTransition();
    List<TransitionRecord> done = next.getTransitions() == null ? List.of() : next.getTransitions();
    List<TransitionRecord> before =
        previous == null || previous.getTransitions() == null
            ? List.of()
            : previous.getTransitions();
    if (!done.isEmpty()
        && (before.isEmpty() || !key(done.getLast()).equals(key(before.getLast())))) {
      TransitionRecord last = done.getLast();
      // A rolled-back push is a warning, with why (the failed intervals' figures).
      String rolledBack = next.getApplied() == null ? null : next.getApplied().getRolledBack();
      boolean back = "RolledBack".equals(last.getOutcome()) && rolledBack != null;
      events.record(
          architecture,
          back ? ArchitectureEvents.WARNING : ArchitectureEvents.NORMAL,
          last.getOutcome(),
          TransitionText.finished(last) + (back ? "; " + rolledBack : ""));
    }
    if (now != null
        && (was == null
            || !Objects.equals(was.getStage(), now.getStage())
            || !Objects.equals(was.getStartedAt(), now.getStartedAt()))) {
      events.record(
          architecture,
          ArchitectureEvents.NORMAL,
          "TransitionStage",
          TransitionText.stage(now) + " started");
    }
  }

  private static String key(TransitionRecord r) {
    return r.getStartedAt() + "/" + r.getToGeneration() + "/" + r.getOutcome();
  }

  private static boolean becameTrue(List<Condition> before, Condition now) {
    return "True".equals(now.getStatus()) && !Conditions.isTrue(before, now.getType());
  }

  /** True now, and before either not True or True with another message. */
  private static boolean becameTrueOrChanged(List<Condition> before, Optional<Condition> now) {
    if (now.isEmpty() || !"True".equals(now.get().getStatus())) {
      return false;
    }
    Optional<Condition> was = Conditions.find(before, now.get().getType());
    return was.isEmpty()
        || !"True".equals(was.get().getStatus())
        || !Objects.equals(was.get().getMessage(), now.get().getMessage());
  }
}
