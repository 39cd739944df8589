package io.simianviz.model.evolution;

import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.spec.evolution.CanaryAnalysisSpec;
import io.simianviz.model.spec.evolution.CanarySpec;
import java.time.Duration;

/**
 * A canary with its defaults filled in.
 *
 * @param weight percentage of the tier's calls the new version gets while it is judged
 * @param maxP99Ms the latency limit, or positive infinity for none
 * @param iterations intervals after which a canary with fewer than failureLimit failures is
 *     promoted
 */
public record CanaryPolicy(
    int weight,
    double minSuccessRate,
    double maxP99Ms,
    Duration interval,
    int failureLimit,
    int iterations) {

  /** The policy a (valid) spec asks for. */
  public static CanaryPolicy of(CanarySpec spec) {
    CanaryAnalysisSpec a =
        spec.getAnalysis() == null ? new CanaryAnalysisSpec() : spec.getAnalysis();
    return new CanaryPolicy(
        spec.getWeight() == null ? Defaults.CANARY_WEIGHT : spec.getWeight(),
        a.getMinSuccessRate() == null ? Defaults.CANARY_MIN_SUCCESS_RATE : a.getMinSuccessRate(),
        a.getMaxP99Ms() == null ? Double.POSITIVE_INFINITY : a.getMaxP99Ms(),
        Durations.parse(a.getInterval() == null ? Defaults.CANARY_INTERVAL : a.getInterval()),
        a.getFailureLimit() == null ? Defaults.CANARY_FAILURE_LIMIT : a.getFailureLimit(),
        a.getIterations() == null ? Defaults.CANARY_ITERATIONS : a.getIterations());
  }

  public boolean hasLatencyLimit() {
    return Double.isFinite(maxP99Ms);
  }
}
