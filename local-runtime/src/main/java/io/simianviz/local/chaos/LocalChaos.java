package io.simianviz.local.chaos;

import io.simianviz.local.run.InstanceOutages;
import io.simianviz.local.run.RunClock;
import io.simianviz.local.run.RunInstances;
import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.chaos.ChaosDecision;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.VictimSelector;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.Instance;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The chaos monkey of a local run: on its interval (default once, half-way through, as spigo did)
 * it kills one up instance of the victim tier; the runtime replaces it after a delay, as a
 * Deployment would. It only strikes while the replacement can still be seen serving before the
 * traffic stops: a kill whose replacement would come after the end is held back, not counted.
 */
public final class LocalChaos {
  /** How long a replacement serves, at least, before the run ends. */
  static final long OBSERVE_MILLIS = 1000;

  private final Vertx vertx;
  private final RunClock clock;
  private final RunInstances instances;
  private final InstanceOutages outages;
  private final BooleanSupplier trafficOver;
  private final Consumer<String> console;
  private final String victimTier;
  private final Duration interval;
  private final Duration firstAt;
  private final Duration runFor;
  private final Duration replaceAfter;
  private final VictimSelector selector;
  private final SplittableRandom random;
  private final List<ChaosEvent> events = new CopyOnWriteArrayList<>();
  private volatile long endsAtMillis = Long.MAX_VALUE;

  /**
   * @param trafficOver whether the traffic stopped: the monkey strikes no more
   * @param console console lines
   */
  public LocalChaos(
      Vertx vertx,
      RunClock clock,
      RunInstances instances,
      InstanceOutages outages,
      BooleanSupplier trafficOver,
      Consumer<String> console,
      ArchitectureSpec spec,
      Duration runFor,
      Duration replaceAfter,
      long seed) {
    this.vertx = vertx;
    this.clock = clock;
    this.instances = instances;
    this.outages = outages;
    this.trafficOver = trafficOver;
    this.console = console;
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
  public void start() {
    if (victimTier == null) {
      return;
    }
    if (!runFor.isZero()) {
      endsAtMillis = clock.elapsedMillis() + runFor.toMillis();
    }
    vertx.setTimer(Math.max(1, firstAt.toMillis()), id -> strikeAndReschedule());
  }

  private void strikeAndReschedule() {
    if (trafficOver.getAsBoolean()) {
      return;
    }
    long now = clock.elapsedMillis();
    long replacedBy = now + replaceAfter.toMillis() + OBSERVE_MILLIS;
    if (replacedBy > endsAtMillis) {
      // Later strikes would be later still: the monkey is done for this run.
      console.accept(
          String.format(
              "%6.1fs chaos monkey held back: a replacement %.1f s after a kill would not be"
                  + " seen serving before the run ends at %.1f s",
              now / 1000.0, replaceAfter.toMillis() / 1000.0, endsAtMillis / 1000.0));
      return;
    }
    strike();
    if (interval != null) {
      vertx.setTimer(Math.max(1, interval.toMillis()), id -> strikeAndReschedule());
    }
  }

  private void strike() {
    List<Instance> up = instances.up();
    ChaosDecision decision =
        selector.monkey(victimTier, up, instances.topology().instances().size(), random);
    switch (decision) {
      case ChaosDecision.Strike strike -> {
        for (Instance victim : strike.victims()) {
          ChaosEvent kill = new ChaosEvent("monkey", victimTier, victim.name(), now(), null);
          events.add(kill);
          outages
              .kill(victim)
              .onSuccess(
                  upAt -> events.replaceAll(e -> e.equals(kill) ? kill.replacedAt(upAt) : e));
        }
      }
      case ChaosDecision.Refused refused ->
          console.accept("chaos monkey held back: " + refused.reason());
    }
  }

  private long now() {
    return clock.elapsedMillis();
  }

  public List<ChaosEvent> events() {
    return List.copyOf(events);
  }
}
