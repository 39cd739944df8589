package io.simianviz.local.chaos;

import io.simianviz.model.Defaults;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import java.util.List;

/** Whether chaos experiments can run on an architecture, checked before the run starts. */
public final class ExperimentChecks {
  private ExperimentChecks() {}

  /**
   * Why the experiments cannot run on this architecture, or null: an architectureRef naming another
   * architecture, or no traffic to judge them by.
   *
   * @param sendsTraffic whether the run's traffic sources send (traffic on, a rate above 0)
   */
  public static String problem(
      String arch,
      ArchitectureSpec spec,
      boolean sendsTraffic,
      List<PlannedExperiment> experiments) {
    for (PlannedExperiment e : experiments) {
      String ref = e.spec().getArchitectureRef();
      if (ref != null && !ref.isBlank() && !ref.equals(arch)) {
        return e.source()
            + ": spec.architectureRef: names architecture "
            + ref
            + ", but this run is "
            + arch
            + " (leave it out, or name "
            + arch
            + ")";
      }
    }
    if (!experiments.isEmpty() && !(sendsTraffic && !hasNoSourceTier(spec))) {
      return experiments.getFirst().source()
          + ": "
          + (sendsTraffic || !Defaults.trafficEnabled(spec) || hasNoSourceTier(spec)
              ? "the architecture has no traffic source (a denominator tier)"
              : "the traffic sources send no requests (rate 0)")
          + ": an experiment is judged by the traffic it lets through, so there is nothing to"
          + " judge it by";
    }
    return null;
  }

  private static boolean hasNoSourceTier(ArchitectureSpec spec) {
    return spec.getServices().stream()
        .noneMatch(t -> TierPackage.DENOMINATOR.spigoName().equals(t.getPackageName()));
  }
}
