package io.simianviz.local.chaos;

import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.ExperimentStatus;
import io.simianviz.model.chaos.Verdict;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code --experiment}s of a local run, one after another in the order given: each starts once
 * the one before has its verdict, so no two outages overlap and each verdict is about one outage.
 * Every experiment draws its victims from its own generator, seeded from the run's seed and its
 * position, so a run repeats itself.
 */
public final class ExperimentRunner {
  private final ExperimentHost host;
  private final List<LocalExperiment> experiments = new ArrayList<>();
  private final Promise<Void> done = Promise.promise();
  private int current = -1;
  private String stopWhy;

  public ExperimentRunner(
      ExperimentHost host, List<PlannedExperiment> planned, ChaosGuard guard, long seed) {
    this.host = host;
    SplittableRandom seeds = new SplittableRandom(seed);
    for (PlannedExperiment p : planned) {
      experiments.add(new LocalExperiment(host, p, p.guard(guard), seeds.split()));
    }
  }

  /** The longest the experiments take together when nothing ends early (see {@link #start}). */
  public static Duration longest(List<PlannedExperiment> planned, long settleLagMillis) {
    return planned.stream()
        .map(p -> p.longest(settleLagMillis))
        .reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * Starts the first experiment after {@code delay}; the future completes when the last is over.
   */
  public synchronized Future<Void> start(Duration delay) {
    if (delay.isZero()) {
      next();
    } else {
      host.vertx()
          .setTimer(
              delay.toMillis(),
              id -> {
                synchronized (this) {
                  if (current < 0 && stopWhy == null) {
                    next();
                  }
                }
              });
    }
    return done.future();
  }

  private synchronized void next() {
    current++;
    if (current >= experiments.size()) {
      done.tryComplete();
      return;
    }
    LocalExperiment e = experiments.get(current);
    if (stopWhy != null) {
      e.stop(stopWhy);
      next();
      return;
    }
    e.start().onComplete(r -> next());
  }

  /**
   * Stops the experiment under way (its outage is restored) and those not started; the future
   * completes once every one is over.
   */
  public Future<Void> stop(String why) {
    synchronized (this) {
      stopWhy = why;
      if (current >= 0 && current < experiments.size()) {
        experiments.get(current).stop(why);
      } else if (current < 0) {
        experiments.forEach(e -> e.stop(why));
        done.tryComplete();
      }
    }
    return done.future();
  }

  public boolean isDone() {
    return done.future().isComplete();
  }

  /** What summary.json records: each experiment's status, in the order given. */
  public List<ExperimentSummary> summaries() {
    return experiments.stream().map(e -> ExperimentSummary.of(e.planned(), e.status())).toList();
  }

  /**
   * Whether every experiment completed with a Pass, or was a dry run that selected its victims.
   * Refused, aborted and failed experiments did not pass.
   */
  public boolean allPassed() {
    return experiments.stream()
        .map(LocalExperiment::status)
        .allMatch(
            s ->
                s.getPhase() == ExperimentPhase.Completed
                    && (s.getVerdict() == Verdict.Pass || s.getVerdict() == null));
  }

  /** One line per experiment for the end of the run: name and outcome. */
  public List<String> outcomes() {
    List<String> lines = new ArrayList<>();
    for (LocalExperiment e : experiments) {
      ExperimentStatus s = e.status();
      String outcome =
          s.getPhase() == ExperimentPhase.Completed
              ? (s.getVerdict() == null ? "Completed (dry run)" : s.getVerdict().name())
              : s.getPhase().name();
      lines.add(
          "experiment "
              + e.planned().name()
              + " ("
              + e.planned().source()
              + "): "
              + outcome
              + (s.getMessage() == null ? "" : ": " + s.getMessage()));
    }
    return lines;
  }

  ExperimentHost host() {
    return host;
  }
}
