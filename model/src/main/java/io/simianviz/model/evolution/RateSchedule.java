package io.simianviz.model.evolution;

import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.evolution.RateStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The traffic rate over time: {@code traffic.rate} until the first step of {@code
 * traffic.schedule}, then each step's rate from its {@code at} (time since the traffic started).
 */
public final class RateSchedule {
  /** A step as the schedule uses it. */
  public record Step(Duration at, double rate) {}

  private final double initial;
  private final List<Step> steps;

  public RateSchedule(double initial, List<Step> steps) {
    this.initial = initial;
    this.steps = List.copyOf(steps);
  }

  /** The schedule of a (valid) spec; a constant rate when it has none. */
  public static RateSchedule of(ArchitectureSpec spec) {
    List<Step> steps = new ArrayList<>();
    if (spec.getTraffic() != null && spec.getTraffic().getSchedule() != null) {
      for (RateStep s : spec.getTraffic().getSchedule()) {
        steps.add(new Step(Durations.parse(s.getAt()), s.getRate()));
      }
    }
    return new RateSchedule(Defaults.trafficRate(spec), steps);
  }

  /** Requests per second per traffic source at {@code sinceStart}. */
  public double rateAt(Duration sinceStart) {
    double rate = initial;
    for (Step s : steps) {
      if (s.at().compareTo(sinceStart) > 0) {
        break;
      }
      rate = s.rate();
    }
    return rate;
  }

  /** When the rate next changes after {@code sinceStart}, if it does. */
  public Optional<Duration> nextChange(Duration sinceStart) {
    double now = rateAt(sinceStart);
    for (Step s : steps) {
      if (s.at().compareTo(sinceStart) > 0 && s.rate() != now) {
        return Optional.of(s.at());
      }
    }
    return Optional.empty();
  }

  public List<Step> steps() {
    return steps;
  }
}
