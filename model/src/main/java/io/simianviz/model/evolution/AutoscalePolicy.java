package io.simianviz.model.evolution;

import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.spec.evolution.AutoscaleSpec;
import java.time.Duration;

/**
 * A tier's autoscale with its defaults filled in.
 *
 * @param min fewest instances per region
 * @param max most instances per region
 * @param target what each instance should see: requests per second, or p99 milliseconds
 * @param metric which of the two
 * @param stabilization how long recommendations must allow a scale-down before it happens
 * @param tolerance a ratio of measured to target within 1 ± tolerance changes nothing (an HPA's
 *     0.1)
 */
public record AutoscalePolicy(
    int min, int max, double target, Metric metric, Duration stabilization, double tolerance) {
  /** What the target measures. */
  public enum Metric {
    REQUESTS_PER_INSTANCE,
    P99_MS
  }

  /** An HPA's tolerance. */
  public static final double TOLERANCE = 0.1;

  /** The policy a (valid) spec asks for. */
  public static AutoscalePolicy of(AutoscaleSpec spec) {
    boolean requests = spec.getTargetRequestsPerInstance() != null;
    return new AutoscalePolicy(
        spec.getMin(),
        spec.getMax(),
        requests ? spec.getTargetRequestsPerInstance() : spec.getTargetP99Ms(),
        requests ? Metric.REQUESTS_PER_INSTANCE : Metric.P99_MS,
        Durations.parse(
            spec.getStabilizationWindow() == null
                ? Defaults.AUTOSCALE_STABILIZATION
                : spec.getStabilizationWindow()),
        TOLERANCE);
  }
}
