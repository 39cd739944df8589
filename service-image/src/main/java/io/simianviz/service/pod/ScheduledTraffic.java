package io.simianviz.service.pod;

import io.simianviz.model.evolution.RateSchedule;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * A traffic source pod's {@code traffic.schedule}: the source starts at the schedule's first rate
 * that sends, and each later step sets its rate at its time since the pod started sending. A pod
 * that restarts starts the schedule again: the schedule belongs to the source, not to the
 * architecture's age.
 */
final class ScheduledTraffic {
  private final Function<TrafficSource.Options, DoubleConsumer> start;
  private DoubleConsumer rate;

  /**
   * @param start starts the source with the options given and returns how to change its rate
   */
  private ScheduledTraffic(Function<TrafficSource.Options, DoubleConsumer> start) {
    this.start = start;
  }

  /** Starts the source now, when the schedule's rate at 0 sends, and arms a timer per step. */
  static void follow(
      Vertx vertx,
      TrafficSource.Options options,
      RateSchedule rates,
      Function<TrafficSource.Options, DoubleConsumer> start) {
    ScheduledTraffic traffic = new ScheduledTraffic(start);
    traffic.set(options, rates.rateAt(Duration.ZERO));
    for (RateSchedule.Step step : rates.steps()) {
      if (step.at().isPositive()) {
        vertx.setTimer(step.at().toMillis(), id -> traffic.set(options, step.rate()));
      }
    }
  }

  private synchronized void set(TrafficSource.Options options, double to) {
    if (rate != null) {
      rate.accept(to);
    } else if (to > 0) {
      rate =
          start.apply(
              new TrafficSource.Options(
                  to,
                  options.getWeight(),
                  options.putWeight(),
                  options.keySpace(),
                  options.maxInFlight()));
    }
  }
}
