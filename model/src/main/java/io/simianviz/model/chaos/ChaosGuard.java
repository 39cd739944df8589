package io.simianviz.model.chaos;

import io.simianviz.model.Defaults;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.chaos.ChaosGuards;

/**
 * Limits every chaos action respects: a tier keeps at least {@code minHealthy} ready instances, and
 * at most {@code maxFraction} of all instances are down at once.
 */
public record ChaosGuard(int minHealthy, double maxFraction) {
  public ChaosGuard {
    if (minHealthy < 0) {
      throw new IllegalArgumentException("minHealthy must not be negative");
    }
    if (maxFraction < 0 || maxFraction > 1) {
      throw new IllegalArgumentException("maxFraction must be between 0 and 1");
    }
  }

  public static ChaosGuard of(ArchitectureSpec spec) {
    return new ChaosGuard(Defaults.minHealthy(spec), Defaults.maxFraction(spec));
  }

  /**
   * The guards of a ChaosExperiment: each of its {@code spec.guards} that is set, else the
   * architecture's {@code spec.chaos.guards}, else the default.
   *
   * @param experiment the experiment's guards, or null
   */
  public static ChaosGuard of(ArchitectureSpec architecture, ChaosGuards experiment) {
    ChaosGuard base = of(architecture);
    if (experiment == null) {
      return base;
    }
    return new ChaosGuard(
        experiment.getMinHealthy() == null ? base.minHealthy() : experiment.getMinHealthy(),
        experiment.getMaxFraction() == null ? base.maxFraction() : experiment.getMaxFraction());
  }
}
