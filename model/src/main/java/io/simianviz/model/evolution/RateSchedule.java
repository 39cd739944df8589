package io.simianviz.model.evolution;

import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.evolution.RateStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

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

  /** The rate before the first step, {@code traffic.rate}. */
  public double initial() {
    return initial;
  }

  /** Whether any rate of the schedule sends requests: a source that never would is not started. */
  public boolean sends() {
    return initial > 0 || steps.stream().anyMatch(s -> s.rate() > 0);
  }

  /**
   * The steps as a pod's environment carries them: {@code at=rate} pairs, {@code at} in
   * milliseconds since the traffic started ({@code 30000ms=800,60000ms=100}); empty without steps.
   */
  public String formatSteps() {
    StringJoiner text = new StringJoiner(",");
    for (Step s : steps) {
      String rate =
          s.rate() == Math.rint(s.rate())
              ? Long.toString((long) s.rate())
              : Double.toString(s.rate());
      text.add(s.at().toMillis() + "ms=" + rate);
    }
    return text.toString();
  }

  /**
   * Reads what {@link #formatSteps} wrote, after {@code initial}.
   *
   * @throws IllegalArgumentException naming the pair that is not {@code at=rate}, with at a
   *     duration and rate a number of at least 0, or steps out of time order
   */
  public static RateSchedule parseSteps(double initial, String text) {
    List<Step> steps = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(",", -1)) {
        String[] parts = pair.trim().split("=", -1);
        if (parts.length != 2) {
          throw new IllegalArgumentException("\"" + pair.trim() + "\" is not at=rate");
        }
        Duration at = Durations.parse(parts[0].trim());
        double rate;
        try {
          rate = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("\"" + pair.trim() + "\": the rate is not a number");
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
          throw new IllegalArgumentException("\"" + pair.trim() + "\": the rate must be >= 0");
        }
        if (!steps.isEmpty() && steps.getLast().at().compareTo(at) > 0) {
          throw new IllegalArgumentException(
              "\"" + pair.trim() + "\" comes before the step ahead of it");
        }
        steps.add(new Step(at, rate));
      }
    }
    return new RateSchedule(initial, steps);
  }
}
