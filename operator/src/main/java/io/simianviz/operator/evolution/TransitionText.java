package io.simianviz.operator.evolution;

import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import io.simianviz.model.evolution.TransitionPlanner;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.validation.InvalidArchitectureException;
import java.util.List;

/** What a person reads of a transition: its plan, the Progressing message, the events. */
public final class TransitionText {
  /** The API server's limit for a condition message is 32 kB; a plan rarely needs this much. */
  private static final int MAX_MESSAGE = 4000;

  private TransitionText() {}

  /** The plan's lines, as {@code simianviz plan} prints them. */
  static List<String> plan(String arch, ArchitectureSpec from, ArchitectureSpec to) {
    try {
      return TransitionPlanner.plan(arch, from, to, ExpansionOptions.NONE)
          .render()
          .lines()
          .toList();
    } catch (InvalidArchitectureException e) {
      return List.of("no plan: " + e.getMessage());
    }
  }

  /** {@code generation 3 -> 4, stage switch (2 of 3)}. */
  public static String stage(TransitionStatus t) {
    return "generation "
        + t.getFromGeneration()
        + " -> "
        + t.getToGeneration()
        + ", stage "
        + t.getStage()
        + " ("
        + (t.getStages().indexOf(t.getStage()) + 1)
        + " of "
        + t.getStages().size()
        + ")";
  }

  /** The Progressing message: the stage, what it waits for, the plan. */
  static String progressing(TransitionStatus t, String waiting) {
    String message =
        stage(t)
            + (waiting == null ? "" : ", waiting for " + waiting)
            + "; "
            + String.join("; ", t.getPlan());
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
  }

  /** One line of a finished transition's figures, for its event. */
  public static String finished(TransitionRecord r) {
    return String.format(
        java.util.Locale.ROOT,
        "generation %d -> %d %s in %.1f s: %d requests, %d errors, %d lost, success %.2f%%%s",
        r.getFromGeneration(),
        r.getToGeneration(),
        r.getOutcome().toLowerCase(java.util.Locale.ROOT),
        r.getDurationSeconds(),
        r.getRequests(),
        r.getErrors(),
        r.getLost(),
        r.getSuccessRate(),
        r.getP99Ms() == null
            ? ""
            : String.format(java.util.Locale.ROOT, ", p99 %.2f ms", r.getP99Ms()));
  }
}
