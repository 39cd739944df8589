package io.simianviz.model.chaos;

import io.simianviz.model.topology.Instance;
import java.util.List;

/** What a chaos action will do: take these instances down, or nothing and why. */
public sealed interface ChaosDecision {
  /** Instances to take down, never empty. */
  record Strike(ChaosKind kind, String target, List<Instance> victims) implements ChaosDecision {
    public Strike {
      victims = List.copyOf(victims);
      if (victims.isEmpty()) {
        throw new IllegalArgumentException("a strike has at least one victim");
      }
    }
  }

  /** Nothing is hit; {@code reason} says which guard or fact stopped it. */
  record Refused(ChaosKind kind, String target, String reason) implements ChaosDecision {}
}
