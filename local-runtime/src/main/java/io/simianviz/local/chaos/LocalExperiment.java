package io.simianviz.local.chaos;

import io.simianviz.model.chaos.ChaosDecision;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.ExperimentMachine;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.chaos.ExperimentStatus;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.VictimSelector;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.topology.Instance;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One chaos experiment in a local run: drives the model's {@link ExperimentMachine} on the run's
 * Vert.x timer with the traffic sources' settled readings, carries out what it asks (select the
 * victims under the guards, take them out, restore them) and has each step said ({@link
 * ExperimentNarration}). Every change of the machine happens under this object's lock, on a timer
 * tick or when an action it started has completed; while an action is under way the ticks wait for
 * it.
 */
final class LocalExperiment {
  /** How often the machine is advanced: well within any window or reading interval. */
  static final long TICK_MILLIS = 250;

  private final ExperimentHost host;
  private final PlannedExperiment planned;
  private final ExperimentSettings settings;
  private final ExperimentMachine machine;
  private final VictimSelector selector;
  private final RandomGenerator random;
  private final ExperimentNarration narration;
  private final Promise<ExperimentStatus> done = Promise.promise();
  private long timer = -1;
  private boolean busy;
  private boolean finished;
  private String stopWhy;
  private Outage outage;

  /** When start was called: the steady-state window starts no earlier (epoch ms). */
  private long startedAtMillis;

  LocalExperiment(
      ExperimentHost host, PlannedExperiment planned, ChaosGuard guard, RandomGenerator random) {
    this.host = host;
    this.planned = planned;
    this.settings = planned.settings();
    this.machine = new ExperimentMachine(settings, new ExperimentStatus());
    this.selector = new VictimSelector(guard);
    this.random = random;
    this.narration = new ExperimentNarration(host, planned, settings);
  }

  ExperimentStatus status() {
    synchronized (this) {
      return machine.status();
    }
  }

  PlannedExperiment planned() {
    return planned;
  }

  /**
   * Starts the experiment. One that cannot run even with every instance up (a target the
   * architecture lacks, a guard it breaks at full strength) is refused at once, without windows.
   *
   * @return its status once it is over
   */
  synchronized Future<ExperimentStatus> start() {
    startedAtMillis = System.currentTimeMillis();
    ChaosDecision upFront =
        select(host.allInstances()); // the best case: if that is refused, so is every later one
    if (upFront instanceof ChaosDecision.Refused refused) {
      machine.refused(
          System.currentTimeMillis(), narration.describe(refused.target()), refused.reason());
      narration.refused(refused.reason());
      finish();
      return done.future();
    }
    narration.started();
    timer = host.vertx().setPeriodic(TICK_MILLIS, id -> tick());
    return done.future();
  }

  /**
   * Stops the experiment (Ctrl-C, or the run ends first): an outage in effect is restored, and the
   * experiment ends Aborted. Takes effect on the next tick.
   */
  synchronized void stop(String why) {
    if (stopWhy == null) {
      stopWhy = why;
    }
    if (timer < 0 && !finished) {
      // Never started its timer: nothing is in effect.
      machine.stop(System.currentTimeMillis(), why);
      finish();
    }
  }

  Future<ExperimentStatus> done() {
    return done.future();
  }

  private synchronized void tick() {
    if (busy || finished) {
      return;
    }
    long now = System.currentTimeMillis();
    TrafficReading reading = stopWhy != null ? null : host.reading();
    if (reading != null
        && machine.status().getPhase() == ExperimentPhase.Pending
        && reading.throughMillis() < startedAtMillis) {
      // The steady-state window starts where the counters are settled: not before the experiment
      // (slow requests of the seconds before would otherwise be counted in it).
      reading = null;
    }
    ExperimentMachine.Action action =
        stopWhy != null ? machine.stop(now, stopWhy) : machine.advance(now, reading);
    showProgress();
    switch (action) {
      case ExperimentMachine.Action.Wait w -> {
        // nothing to do yet
      }
      case ExperimentMachine.Action.Inject i -> inject(now);
      case ExperimentMachine.Action.Restore r -> restore(r.reason());
      case ExperimentMachine.Action.Finished f -> finish();
    }
  }

  private ChaosDecision select(List<Instance> up) {
    ChaosExperimentSpec spec = planned.spec();
    return selector.experiment(
        spec.getKind(), spec.getTarget(), spec.getRegion(), host.allInstances(), up, random);
  }

  private void inject(long now) {
    switch (select(host.upInstances())) {
      case ChaosDecision.Refused refused -> {
        machine.refused(now, narration.describe(refused.target()), refused.reason());
        narration.refused(refused.reason());
      }
      case ChaosDecision.Strike strike -> {
        List<String> names = strike.victims().stream().map(Instance::name).toList();
        String target = narration.describe(strike.target());
        if (settings.dryRun()) {
          machine.wouldHit(now, target, names);
          narration.wouldHit(strike.target(), names.size());
          return;
        }
        outage = Outage.of(host, planned.spec().getKind(), settings.mode(), strike.victims());
        busy = true;
        outage
            .inject()
            .onComplete(
                r -> {
                  synchronized (this) {
                    busy = false;
                    machine.injected(System.currentTimeMillis(), target, names);
                    narration.injected(target, strike.target(), outage.verb(), names);
                  }
                });
      }
    }
  }

  private void restore(String reason) {
    narration.restoring(reason);
    busy = true;
    Future<Void> undone = outage == null ? Future.succeededFuture() : outage.restore();
    undone.onComplete(
        r -> {
          synchronized (this) {
            busy = false;
            machine.restored(System.currentTimeMillis());
            List<String> names = outage == null ? null : outage.names();
            if (r.succeeded()) {
              narration.restored(names);
            } else {
              narration.restoredPartly(names, r.cause());
            }
          }
        });
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (timer >= 0) {
      host.vertx().cancelTimer(timer);
    }
    showProgress();
    ExperimentStatus status = machine.status();
    narration.verdict(status);
    done.complete(status);
  }

  /** Windows closed and bad readings since the last tick, each a line. */
  private void showProgress() {
    narration.progress(machine.status());
  }
}
