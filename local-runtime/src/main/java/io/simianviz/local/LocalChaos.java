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
 * Deployment would.
 */
final class LocalChaos {
  private final LocalRun run;
  private final String victimTier;
  private final Duration interval;
  private final Duration firstAt;
  private final VictimSelector selector;
  private final SplittableRandom random;
  private final List<ChaosEvent> events = new CopyOnWriteArrayList<>();

  LocalChaos(LocalRun run, ArchitectureSpec spec, Duration runFor, long seed) {
    this.run = run;
    this.victimTier = Defaults.monkeyVictim(spec);
    String every =
        spec.getChaos() == null || spec.getChaos().getMonkey() == null
            ? null
            : spec.getChaos().getMonkey().getInterval();
    this.interval = every == null || every.isEmpty() ? null : Durations.parse(every);
    this.selector = new VictimSelector(ChaosGuard.of(spec));
    this.random = new SplittableRandom(seed);
    // spigo struck once, half-way through; an endless run has no half-way, so 30 s stands in.
    if (interval != null) {
      this.firstAt = interval;
    } else {
      this.firstAt = runFor.isZero() ? Duration.ofSeconds(30) : runFor.dividedBy(2);
    }
  }

  /** Schedules the monkey, if the architecture names a victim. */
  void start() {
    if (victimTier == null) {
      return;
    }
    run.vertx().setTimer(Math.max(1, firstAt.toMillis()), id -> strikeAndReschedule());
  }

  private void strikeAndReschedule() {
    if (run.trafficOver()) {
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
          events.add(new ChaosEvent("monkey", victimTier, victim.name(), run.elapsedMillis()));
          run.kill(victim);
        }
      }
      case ChaosDecision.Refused refused ->
          run.console().event("chaos monkey held back: " + refused.reason());
    }
  }

  List<ChaosEvent> events() {
    return List.copyOf(events);
  }
}
