package io.simianviz.operator.autoscale;

import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.TierAutoscale;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The messages of the {@code Autoscaled} events: one per tier whose {@code current} changed between
 * two statuses, with the reason the status gives.
 */
public final class AutoscaleEvents {
  /** The events' reason. */
  public static final String REASON = "Autoscaled";

  private AutoscaleEvents() {}

  public static List<String> changes(ArchitectureStatus previous, ArchitectureStatus next) {
    List<TierAutoscale> before =
        previous == null || previous.getAutoscale() == null ? List.of() : previous.getAutoscale();
    List<String> out = new ArrayList<>();
    for (TierAutoscale now :
        next.getAutoscale() == null ? List.<TierAutoscale>of() : next.getAutoscale()) {
      Integer was =
          before.stream()
              .filter(b -> Objects.equals(b.getTier(), now.getTier()))
              .map(TierAutoscale::getCurrent)
              .findFirst()
              .orElse(null);
      if (was != null && !was.equals(now.getCurrent())) {
        out.add(
            "tier "
                + now.getTier()
                + ": "
                + (now.getReason() == null
                    ? was + " -> " + now.getCurrent() + " instances per region"
                    : now.getReason()));
      }
    }
    return out;
  }
}
