package io.simianviz.local;

import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.chaos.ChaosDecision;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.VictimSelector;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.Instance;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The chaos monkey of a local run: on its interval (default once, half-way through, as spigo did)
 * it kills one up instance of the victim tier; the runtime replaces it after a delay, as a
 * Deployment would. It only strikes while the replacement can still be seen serving before the
 * traffic stops: a kill whose replacement would come after the end is held back, not counted.
 */
final class LocalChaos {
  /** How long a replacement serves, at least, before the run ends. */
  static final long OBSERVE_MILLIS = 1000;

  private final LocalRun run;
  private final String victimTier;
  private final Duration interval;
  private final Duration firstAt;
  private final Duration runFor;
  private final Duration replaceAfter;
  private final VictimSelector selector;
  private final SplittableRandom random;
  private final List<ChaosEvent> events = new CopyOnWriteArrayList<>();
  private volatile long endsAtMillis = Long.MAX_VALUE;

  LocalChaos(
      LocalRun run, ArchitectureSpec spec, Duration runFor, Duration replaceAfter, long seed) {
    this.run = run;
    this.victimTier = Defaults.monkeyVictim(spec);
    String every =
        spec.getChaos() == null || spec.getChaos().getMonkey() == null
            ? null
            : spec.getChaos().getMonkey().getInterval();
    this.interval = every == null || every.isEmpty() ? null : Durations.parse(every);
    this.runFor = runFor;
    this.replaceAfter = replaceAfter;
    this.selector = new VictimSelector(ChaosGuard.of(spec));
    this.random = new SplittableRandom(seed);
    // spigo struck once, half-way through; an endless run has no half-way, so 30 s stands in.
    if (interval != null) {
      this.firstAt = interval;
    } else {
      this.firstAt = runFor.isZero() ? Duration.ofSeconds(30) : runFor.dividedBy(2);
    }
  }

  /**
   * Schedules the monkey, if the architecture names a victim. The run's traffic stops {@code
   * runFor} from now (never, when zero).
   */
  void start() {
    if (victimTier == null) {
      return;
    }
    if (!runFor.isZero()) {
      endsAtMillis = run.elapsedMillis() + runFor.toMillis();
    }
    run.vertx().setTimer(Math.max(1, firstAt.toMillis()), id -> strikeAndReschedule());
  }

  private void strikeAndReschedule() {
    if (run.trafficOver()) {
      return;
    }
    long now = run.elapsedMillis();
    long replacedBy = now + replaceAfter.toMillis() + OBSERVE_MILLIS;
    if (replacedBy > endsAtMillis) {
      // Later strikes would be later still: the monkey is done for this run.
      run.console()
          .event(
              String.format(
                  "%6.1fs chaos monkey held back: a replacement %.1f s after a kill would not be"
                      + " seen serving before the run ends at %.1f s",
                  now / 1000.0, replaceAfter.toMillis() / 1000.0, endsAtMillis / 1000.0));
      return;
    }
    strike();
    if (interval != null) {
      run.vertx().setTimer(Math.max(1, interval.toMillis()), id -> strikeAndReschedule());
    }
  }

  private void strike() {
    List<Instance> up = run.upInstances();
    ChaosDecision decision = selector.monkey(victimTier, up, run.totalInstances(), random);
    switch (decision) {
      case ChaosDecision.Strike strike -> {
        for (Instance victim : strike.victims()) {
          ChaosEvent kill = new ChaosEvent("monkey", victimTier, victim.name(), now(), null);
          events.add(kill);
          run.kill(victim)
              .onSuccess(
                  upAt -> events.replaceAll(e -> e.equals(kill) ? kill.replacedAt(upAt) : e));
        }
      }
      case ChaosDecision.Refused refused ->
          run.console().event("chaos monkey held back: " + refused.reason());
    }
  }

  private long now() {
    return run.elapsedMillis();
  }

  List<ChaosEvent> events() {
    return List.copyOf(events);
  }
}
