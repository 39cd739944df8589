package io.simianviz.local.evolution;

import io.simianviz.model.chaos.WindowFigures;
import java.util.List;

/**
 * An entry of summary.json's {@code steps[]}: one version of the architecture, the transition that
 * applied it and the traffic sent while it ran, from the traffic sources' settled counters (exact:
 * {@code requests = answered + errors + lost}). Step 0 is the version the run started with.
 *
 * @param appliedAtS when the transition began, seconds since the run started
 * @param transitionS how long the transition took (0 for step 0)
 * @param outcome {@code applied}, or what went wrong
 * @param cause what made the step: null for a version of the folder or a saved change, else e.g.
 *     {@code autoscale php: 3 -> 5 instances per region (...)}
 * @param plan the plan's actions, one line each
 * @param instances how many instances the version has
 * @param windowS how long the window of this step lasted, in send time (from this step's transition
 *     until the next one's, or the end of the traffic)
 * @param successRate answered / requests (0 to 1); 0 with no request
 */
public record StepSummary(
    int step,
    String file,
    String version,
    double appliedAtS,
    double transitionS,
    String outcome,
    String cause,
    List<String> plan,
    int instances,
    double windowS,
    long requests,
    long answered,
    long errors,
    long lost,
    double successRate,
    double p50Ms,
    double p99Ms) {
  public StepSummary {
    plan = List.copyOf(plan);
  }

  static StepSummary of(
      int step,
      String file,
      String version,
      double appliedAtS,
      double transitionS,
      String outcome,
      String cause,
      List<String> plan,
      int instances,
      WindowFigures w) {
    return w == null
        ? new StepSummary(
            step,
            file,
            version,
            appliedAtS,
            transitionS,
            outcome,
            cause,
            plan,
            instances,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0)
        : new StepSummary(
            step,
            file,
            version,
            appliedAtS,
            transitionS,
            outcome,
            cause,
            plan,
            instances,
            (w.toMillis() - w.fromMillis()) / 1000.0,
            w.requests(),
            w.answered(),
            w.errors(),
            w.lost(),
            w.successRate(),
            w.p50Ms(),
            w.p99Ms());
  }

  /** One line for the console and the run's end. */
  public String line() {
    return String.format(
        java.util.Locale.ROOT,
        "step %d %-12s %8d requests %6d errors %5d lost  success %8.3f%%  p99 %8.2f ms"
            + "  transition %5.1f s  %s",
        step,
        version,
        requests,
        errors,
        lost,
        100 * successRate,
        p99Ms,
        transitionS,
        outcome + (cause == null ? "" : " (" + cause + ")"));
  }
}
