package io.simianviz.model.evolution;

import java.util.ArrayList;
import java.util.List;

/**
 * One autoscaling step, as a HorizontalPodAutoscaler takes it: the recommendation is {@code
 * ceil(current × measured / target)} (unchanged while the ratio is within the tolerance), bounded
 * by min and max. A recommendation above the current count applies at once; below it, the tier
 * shrinks only to the highest recommendation of the stabilization window, so a dip shorter than the
 * window changes nothing. Pure: the caller keeps the decision's {@code history} for the next step.
 *
 * @param replicas the instances per region to run now
 * @param recommended this step's own recommendation, bounded
 * @param history the recommendations still inside the window, this one last
 */
public record AutoscaleDecision(int replicas, int recommended, List<Recommendation> history) {
  /** A recommendation and when it was made. */
  public record Recommendation(long atMillis, int replicas) {}

  public AutoscaleDecision {
    history = List.copyOf(history);
  }

  /**
   * The history a tier starts with: its current count, as if recommended now, so nothing shrinks
   * before a whole window has been measured.
   */
  public static List<Recommendation> start(long nowMillis, int current) {
    return List.of(new Recommendation(nowMillis, current));
  }

  /**
   * Decides the instances per region from the measured figure.
   *
   * @param measured requests per second per instance, or p99 milliseconds, as the policy's metric;
   *     NaN when nothing was measured (the count stays, within min and max)
   */
  public static AutoscaleDecision decide(
      AutoscalePolicy policy,
      List<Recommendation> history,
      long nowMillis,
      int current,
      double measured) {
    int bounded = Math.clamp(current, policy.min(), policy.max());
    int raw;
    if (Double.isNaN(measured) || current < 1) {
      raw = bounded;
    } else {
      double ratio = measured / policy.target();
      raw =
          Math.abs(ratio - 1) <= policy.tolerance()
              ? current
              : (int) Math.min(Integer.MAX_VALUE, Math.ceil(current * ratio - 1e-9));
    }
    int recommended = Math.clamp(raw, policy.min(), policy.max());
    long windowStart = nowMillis - policy.stabilization().toMillis();
    List<Recommendation> kept = new ArrayList<>();
    for (Recommendation r : history) {
      if (r.atMillis() > windowStart) {
        kept.add(r);
      }
    }
    kept.add(new Recommendation(nowMillis, recommended));
    int replicas;
    if (recommended >= bounded) {
      replicas = recommended; // up at once
    } else {
      int highest = kept.stream().mapToInt(Recommendation::replicas).max().orElse(recommended);
      replicas = Math.min(bounded, highest);
    }
    return new AutoscaleDecision(replicas, recommended, kept);
  }
}
