package io.simianviz.model.chaos;

import io.simianviz.model.Durations;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.spec.chaos.SteadyStateSpec;
import java.time.Duration;

/**
 * A ChaosExperiment's timing and thresholds with every default applied.
 *
 * @param window length of the before and after windows
 * @param interval time between readings during the outage
 * @param maxP99Ms highest p99 in milliseconds, or null for no latency threshold
 */
public record ExperimentSettings(
    OutageMode mode,
    Duration duration,
    Duration window,
    Duration interval,
    double minSuccessRate,
    Double maxP99Ms,
    int failureThreshold,
    boolean dryRun) {
  public static final Duration DURATION = Duration.ofSeconds(30);
  public static final Duration WINDOW = Duration.ofSeconds(10);
  public static final Duration INTERVAL = Duration.ofSeconds(2);
  public static final double MIN_SUCCESS_RATE = 0.99;
  public static final int FAILURE_THRESHOLD = 3;

  /**
   * The settings of a spec.
   *
   * @throws IllegalArgumentException naming the field when a duration does not parse
   */
  public static ExperimentSettings of(ChaosExperimentSpec spec) {
    SteadyStateSpec s =
        spec.getSteadyState() == null ? new SteadyStateSpec() : spec.getSteadyState();
    return new ExperimentSettings(
        spec.getMode() == null ? OutageMode.STOP : spec.getMode(),
        duration("spec.duration", spec.getDuration(), DURATION),
        duration("spec.steadyState.window", s.getWindow(), WINDOW),
        duration("spec.steadyState.interval", s.getInterval(), INTERVAL),
        s.getMinSuccessRate() == null ? MIN_SUCCESS_RATE : s.getMinSuccessRate(),
        s.getMaxP99Ms(),
        s.getFailureThreshold() == null ? FAILURE_THRESHOLD : s.getFailureThreshold(),
        Boolean.TRUE.equals(spec.getDryRun()));
  }

  private static Duration duration(String field, String text, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      Duration d = Durations.parse(text);
      if (d.isZero()) {
        throw new IllegalArgumentException("must be longer than 0");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  /** Which threshold the figures miss, or null when they meet them all. */
  public String missed(WindowFigures f) {
    if (f.requests() == 0) {
      return "no request was sent in the window";
    }
    if (f.successRate() < minSuccessRate) {
      return String.format(
          "success rate %.2f%% is below %.2f%% (%d errors, %d lost of %d)",
          100 * f.successRate(), 100 * minSuccessRate, f.errors(), f.lost(), f.requests());
    }
    if (maxP99Ms != null && f.p99Ms() > maxP99Ms) {
      return String.format("p99 %.1f ms is above %.1f ms", f.p99Ms(), maxP99Ms);
    }
    return null;
  }

  /** Total time from start to verdict when nothing ends early. */
  public Duration plannedLength() {
    return window.plus(duration).plus(window);
  }
}
