package io.simianviz.model.evolution;

import java.util.List;

/**
 * The ordered actions that move a running architecture to its next version.
 *
 * @param fromVersion the running spec's version, or null
 * @param toVersion the target spec's version, or null
 */
public record TransitionPlan(
    String arch,
    String fromVersion,
    String toVersion,
    int fromInstances,
    int toInstances,
    List<Action> actions) {
  public TransitionPlan {
    actions = List.copyOf(actions);
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }

  /** The readable, numbered form ({@link PlanText}). */
  public String render() {
    return PlanText.render(this);
  }
}
