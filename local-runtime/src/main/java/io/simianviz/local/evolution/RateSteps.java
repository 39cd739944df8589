package io.simianviz.local.evolution;

import io.simianviz.model.Defaults;
import io.simianviz.model.evolution.RateSchedule;
import io.simianviz.model.live.EventKind;
import java.time.Duration;
import java.util.Locale;

/**
 * The running version's {@code traffic.schedule} (else its {@code traffic.rate}) on the traffic
 * sources: each change of rate is set and said once. {@code --rate} fixes the rate instead.
 *
 * <p>The schedule's clock starts with the evolution, when the run starts measuring, as the steps'
 * and the autoscaler's do: a warm-up (whose length depends on the machine) sends {@code
 * traffic.rate} and does not move the schedule, so the measured run sees it as written, as a
 * traffic source pod on a cluster does from its start.
 */
final class RateSteps {
  private final EvolutionHost host;

  /** The rate the sources were started with. */
  private final double startRate;

  /** The rate last set from traffic.schedule or traffic.rate, -1 before any. */
  private double scheduledRate = -1;

  RateSteps(EvolutionHost host, Version first) {
    this.host = host;
    this.startRate = Defaults.trafficRate(first.spec());
  }

  /** Sets the rate {@code running}'s schedule gives {@code sinceStart}, when it changed. */
  void apply(Version running, Duration sinceStart) {
    if (host.rateOverridden()) {
      return;
    }
    double rate = RateSchedule.of(running.spec()).rateAt(sinceStart);
    if (rate == scheduledRate) {
      return;
    }
    boolean first = scheduledRate < 0;
    scheduledRate = rate;
    if (first && rate == startRate) {
      return; // what the sources were started with
    }
    host.trafficRate(rate);
    String line = String.format(Locale.ROOT, "traffic: %s requests/s per source", plain(rate));
    host.event(String.format(Locale.ROOT, "%6.1fs %s", host.elapsedMillis() / 1000.0, line));
    host.live().event(EventKind.EVOLUTION, line);
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
