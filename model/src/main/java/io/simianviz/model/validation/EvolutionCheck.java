package io.simianviz.model.validation;

import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.IntOrPercent;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.AutoscaleSpec;
import io.simianviz.model.spec.evolution.CanaryAnalysisSpec;
import io.simianviz.model.spec.evolution.CanarySpec;
import io.simianviz.model.spec.evolution.RateStep;
import io.simianviz.model.spec.evolution.RolloutSpec;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The fields of live evolution: version, rollout, canary, autoscale and traffic.schedule. */
final class EvolutionCheck {
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final int MAX_LABEL = 63;

  private final ArchitectureValidator validator;

  EvolutionCheck(ArchitectureValidator validator) {
    this.validator = validator;
  }

  void tier(String at, TierSpec tier) {
    String version = tier.getVersion();
    if (version != null
        && (version.length() > MAX_LABEL || !LABEL_VALUE.matcher(version).matches())) {
      validator.error(
          at + ".version",
          "must be a Kubernetes label value: at most 63 letters, digits, '-', '_' or '.',"
              + " starting and ending with a letter or digit (was \""
              + version
              + "\")");
    }
    if (tier.getRollout() != null) {
      rollout(at + ".rollout", tier.getRollout());
    }
    if (tier.getCanary() != null) {
      canary(at + ".canary", tier.getCanary());
    }
    if (tier.getAutoscale() != null) {
      autoscale(at, tier);
    }
  }

  private void rollout(String at, RolloutSpec rollout) {
    IntOrPercent surge = intOrPercent(at + ".maxSurge", rollout.getMaxSurge());
    IntOrPercent unavailable = intOrPercent(at + ".maxUnavailable", rollout.getMaxUnavailable());
    if (unavailable != null && unavailable.percent() && unavailable.value() > 100) {
      validator.error(at + ".maxUnavailable", "must be at most 100% (was " + unavailable + ")");
    }
    if (surge != null
        && unavailable != null
        && surge.value() == 0
        && unavailable.value() == 0
        && (rollout.getMaxSurge() != null || rollout.getMaxUnavailable() != null)) {
      validator.error(
          at, "maxSurge and maxUnavailable must not both be 0 (no instance could be replaced)");
    }
  }

  /** The value, its default when absent, or null after reporting it. */
  private IntOrPercent intOrPercent(String path, String text) {
    if (text == null) {
      return IntOrPercent.parse(
          path.endsWith("maxSurge")
              ? Defaults.ROLLOUT_MAX_SURGE
              : Defaults.ROLLOUT_MAX_UNAVAILABLE);
    }
    try {
      return IntOrPercent.parse(text);
    } catch (IllegalArgumentException e) {
      validator.error(path, e.getMessage());
      return null;
    }
  }

  private void canary(String at, CanarySpec canary) {
    Integer weight = canary.getWeight();
    if (weight != null && (weight < 1 || weight > 99)) {
      validator.error(at + ".weight", "must be between 1 and 99 percent (was " + weight + ")");
    }
    CanaryAnalysisSpec analysis = canary.getAnalysis();
    if (analysis == null) {
      return;
    }
    String a = at + ".analysis";
    Double rate = analysis.getMinSuccessRate();
    if (rate != null && (rate < 0 || rate > 1 || rate.isNaN())) {
      validator.error(
          a + ".minSuccessRate", "must be between 0 and 1 (was " + Numbers.plain(rate) + ")");
    }
    positive(a + ".maxP99Ms", analysis.getMaxP99Ms());
    if (analysis.getInterval() != null) {
      validator.positiveDuration(a + ".interval", analysis.getInterval());
    }
    atLeastOne(a + ".failureLimit", analysis.getFailureLimit());
    atLeastOne(a + ".iterations", analysis.getIterations());
  }

  private void autoscale(String tierAt, TierSpec tier) {
    AutoscaleSpec autoscale = tier.getAutoscale();
    String at = tierAt + ".autoscale";
    if (Defaults.count(tier) == 0) {
      validator.error(
          at,
          "a tier with count 0 runs one instance not tied to a zone and cannot scale; give it a"
              + " count");
    }
    Integer min = autoscale.getMin();
    Integer max = autoscale.getMax();
    if (min == null) {
      validator.error(at + ".min", "required (the fewest instances per region, at least 1)");
    } else if (min < 1) {
      validator.error(at + ".min", "must be at least 1 (was " + min + ")");
    }
    if (max == null) {
      validator.error(at + ".max", "required (the most instances per region)");
    } else if (min != null && min >= 1 && max < min) {
      validator.error(at + ".max", "must be at least min " + min + " (was " + max + ")");
    } else if (max < 1) {
      validator.error(at + ".max", "must be at least 1 (was " + max + ")");
    }
    Double requests = autoscale.getTargetRequestsPerInstance();
    Double p99 = autoscale.getTargetP99Ms();
    if (requests == null && p99 == null) {
      validator.error(at, "needs a target: targetRequestsPerInstance or targetP99Ms");
    } else if (requests != null && p99 != null) {
      validator.error(at, "takes one target, targetRequestsPerInstance or targetP99Ms, not both");
    }
    positive(at + ".targetRequestsPerInstance", requests);
    positive(at + ".targetP99Ms", p99);
    if (autoscale.getStabilizationWindow() != null) {
      validator.duration(at + ".stabilizationWindow", autoscale.getStabilizationWindow());
    }
    int count = Defaults.count(tier);
    if (count > 0 && min != null && max != null && min >= 1 && max >= min) {
      if (count < min || count > max) {
        validator.warn(
            tierAt + ".count",
            count
                + " is outside autoscale "
                + min
                + ".."
                + max
                + "; the tier starts with "
                + Math.clamp(count, min, max));
      }
    }
  }

  void traffic(ArchitectureSpec spec) {
    if (spec.getTraffic() == null || spec.getTraffic().getSchedule() == null) {
      return;
    }
    List<RateStep> steps = spec.getTraffic().getSchedule();
    Duration previous = null;
    String previousText = null;
    for (int i = 0; i < steps.size(); i++) {
      String at = "traffic.schedule[" + i + "]";
      RateStep step = steps.get(i);
      if (step == null) {
        validator.error(at, "must be a step {at, rate}");
        continue;
      }
      if (step.getRate() == null) {
        validator.error(at + ".rate", "required (requests per second from then on)");
      } else if (step.getRate() < 0 || step.getRate().isNaN()) {
        validator.error(
            at + ".rate", "must not be negative (was " + Numbers.plain(step.getRate()) + ")");
      }
      if (step.getAt() == null) {
        validator.error(at + ".at", "required (time since the traffic started, e.g. 30s)");
        continue;
      }
      Duration when;
      try {
        when = Durations.parse(step.getAt());
      } catch (IllegalArgumentException e) {
        validator.error(at + ".at", e.getMessage());
        continue;
      }
      if (previous != null && when.compareTo(previous) <= 0) {
        validator.error(
            at + ".at",
            "must be later than the step before (was "
                + step.getAt()
                + " after "
                + previousText
                + ")");
      }
      previous = when;
      previousText = step.getAt();
    }
  }

  private void positive(String path, Double value) {
    if (value != null && !(value > 0)) {
      validator.error(path, "must be above 0 (was " + Numbers.plain(value) + ")");
    }
  }

  private void atLeastOne(String path, Integer value) {
    if (value != null && value < 1) {
      validator.error(path, "must be at least 1 (was " + value + ")");
    }
  }
}
