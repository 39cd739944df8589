package io.simianviz.local.chaos;

import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.spec.chaos.ChaosGuards;
import java.time.Duration;

/**
 * One {@code --experiment} file, read and checked: what to run.
 *
 * @param source the file as the user named it, for messages
 * @param name the experiment's metadata.name
 */
public record PlannedExperiment(String source, String name, ChaosExperimentSpec spec) {
  /**
   * Its timing and thresholds.
   *
   * @throws IllegalArgumentException naming the field when a duration does not parse
   */
  public ExperimentSettings settings() {
    return ExperimentSettings.of(spec);
  }

  /** The guards: the experiment's own where it sets them, else the architecture's. */
  public ChaosGuard guard(ChaosGuard architecture) {
    ChaosGuards own = spec.getGuards();
    if (own == null) {
      return architecture;
    }
    return new ChaosGuard(
        own.getMinHealthy() == null ? architecture.minHealthy() : own.getMinHealthy(),
        own.getMaxFraction() == null ? architecture.maxFraction() : own.getMaxFraction());
  }

  /**
   * How long the experiment's windows take when nothing ends early: a dry run only measures the
   * steady state, the others before, during and after.
   */
  public Duration windows() {
    ExperimentSettings s = settings();
    return s.dryRun() ? s.window() : s.plannedLength();
  }

  /**
   * The longest the experiment takes from its start to its verdict when nothing ends early: its
   * windows, and for the steady-state window and the last one the wait until their requests are
   * settled (at most {@code settleLagMillis} each; as good as nothing when every request is
   * answered).
   */
  public Duration longest(long settleLagMillis) {
    return windows().plusMillis(settleLagMillis * (settings().dryRun() ? 1 : 2));
  }
}
