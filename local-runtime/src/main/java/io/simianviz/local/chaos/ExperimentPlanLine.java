package io.simianviz.local.chaos;

import java.time.Duration;
import java.util.List;

/** The console line that announces a run's chaos experiments: how long they take, when it ends. */
public final class ExperimentPlanLine {
  private ExperimentPlanLine() {}

  /**
   * The line for these experiments.
   *
   * @param delay how long after the start (or the warm-up) the first experiment starts
   * @param lagMillis how long the last requests of a window may take to settle
   * @param duration the run's --duration (zero: until Ctrl-C)
   */
  public static String of(
      List<PlannedExperiment> experiments, Duration delay, long lagMillis, Duration duration) {
    long windows =
        delay.toMillis() + experiments.stream().mapToLong(e -> e.windows().toMillis()).sum();
    long longest = delay.toMillis() + ExperimentRunner.longest(experiments, lagMillis).toMillis();
    long runFor = duration.toMillis();
    return String.format(
        "chaos: %d experiment(s), one after another%s, %.0f s of windows (at most %.0f s"
            + " with the wait for their last requests to settle)%s; the architecture's own"
            + " monkey is off",
        experiments.size(),
        delay.isZero()
            ? ""
            : String.format(
                " from %.0f s on (the traffic settles first)", delay.toMillis() / 1000.0),
        windows / 1000.0,
        longest / 1000.0,
        runFor == 0
            ? ""
            : runFor < longest
                ? String.format(
                    "; --duration %.0f s may be too short: the run goes on until their verdicts",
                    runFor / 1000.0)
                : "");
  }
}
