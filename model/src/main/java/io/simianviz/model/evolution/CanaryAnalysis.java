package io.simianviz.model.evolution;

import io.simianviz.model.chaos.WindowFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a canary from the new version's figures, one window per analysis interval (the same exact
 * counters as a chaos verdict): an interval fails when its success rate is below the minimum, its
 * p99 above the maximum, or it carried no request (nothing shows the version works). The rollout is
 * rolled back when {@code failureLimit} intervals have failed, and promoted after {@code
 * iterations} intervals with fewer failures. Pure: the same figures give the same judgement.
 */
public final class CanaryAnalysis {
  /** What to do with the rollout. */
  public enum Outcome {
    CONTINUE,
    PROMOTE,
    ROLLBACK
  }

  /**
   * The decision and what led to it.
   *
   * @param intervals the intervals judged, up to the decision
   * @param failures why each failed interval failed, in order
   */
  public record Judgement(Outcome outcome, int intervals, List<String> failures) {
    public Judgement {
      failures = List.copyOf(failures);
    }
  }

  private CanaryAnalysis() {}

  /**
   * The judgement after {@code intervals}, oldest first; intervals after a decision are ignored.
   */
  public static Judgement judge(CanaryPolicy policy, List<WindowFigures> intervals) {
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (WindowFigures w : intervals) {
      n++;
      int number = n;
      failure(policy, w).ifPresent(reason -> failures.add("interval " + number + ": " + reason));
      if (failures.size() >= policy.failureLimit()) {
        return new Judgement(Outcome.ROLLBACK, n, failures);
      }
      if (n >= policy.iterations()) {
        return new Judgement(Outcome.PROMOTE, n, failures);
      }
    }
    return new Judgement(Outcome.CONTINUE, n, failures);
  }

  /** Why one interval fails, if it does. */
  public static Optional<String> failure(CanaryPolicy policy, WindowFigures w) {
    if (w.requests() == 0) {
      return Optional.of("no requests");
    }
    if (w.successRate() < policy.minSuccessRate()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "success rate %.4f below %s",
              w.successRate(),
              plain(policy.minSuccessRate())));
    }
    if (w.p99Ms() > policy.maxP99Ms()) {
      return Optional.of(
          String.format(Locale.ROOT, "p99 %.1fms above %sms", w.p99Ms(), plain(policy.maxP99Ms())));
    }
    return Optional.empty();
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
