package io.simianviz.local.evolution;

import io.simianviz.model.evolution.Action;
import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.model.evolution.TransitionPlan;
import io.simianviz.model.evolution.TransitionPlanner;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Carries out the transition from the running version to the next: plans it ({@link
 * TransitionPlanner}), opens its step, and completes each action before the next, saying each one
 * on the console and in the live view.
 */
final class Transitions {
  /** The longest an action may take (starting instances, a drain): then the step failed. */
  static final Duration ACTION_TIMEOUT = Duration.ofMinutes(2);

  private final EvolutionHost host;
  private final StepWindows windows;
  private final CanaryRollout canary;
  private final boolean watching;

  /**
   * @param watching versions come from a watched file: a save that changes nothing is no step
   */
  Transitions(
      EvolutionHost host, StepWindows windows, CountDownLatch stopSignal, boolean watching) {
    this.host = host;
    this.windows = windows;
    this.canary = new CanaryRollout(host, stopSignal);
    this.watching = watching;
  }

  /**
   * Plans the transition from {@code from} to {@code next} and carries it out.
   *
   * @param why what caused it (an autoscaling decision), or null for a new version
   * @return the version running after it: {@code next}, or {@code from} when a version cannot be
   *     planned or a canary rolled it back
   */
  Version apply(Version from, Version next, String why) throws InterruptedException {
    TransitionPlan transition;
    try {
      transition = TransitionPlanner.plan(host.arch(), from.spec(), next.spec(), host.expansion());
    } catch (InvalidArchitectureException e) {
      WatchedFile.ignored(
          host,
          e.problems().stream()
              .map(Problem::toString)
              .map(p -> next.file() + ": " + p)
              .collect(Collectors.joining("; ")),
          from);
      return from;
    }
    if (transition.isEmpty() && why == null && watching) {
      host.event(
          String.format(
              Locale.ROOT,
              "%6.1fs watch: %s saved, nothing to change",
              host.elapsedMillis() / 1000.0,
              next.file()));
      return next;
    }
    StepWindows.Step step =
        windows.open(
            next,
            why,
            transition.render().lines().skip(1).map(String::strip).toList(),
            instances(next).size());
    String title =
        why != null
            ? String.format(
                Locale.ROOT, "step %d: %s, %d action(s)", step.n, why, transition.actions().size())
            : String.format(
                Locale.ROOT,
                "step %d: %s -> %s (%s), %d action(s)",
                step.n,
                from.label(),
                next.label(),
                next.file().getFileName(),
                transition.actions().size());
    host.event(String.format(Locale.ROOT, "%6.1fs %s", step.appliedAtS, title));
    host.live().event(EventKind.EVOLUTION, title);
    long t0 = System.nanoTime();
    host.topology(TopologyExpander.expand(host.arch(), next.spec(), host.expansion()));
    String outcome = "applied";
    boolean rolledBack = false;
    int n = 0;
    for (Action action : transition.actions()) {
      String line = step.plan.get(n++);
      host.event(String.format(Locale.ROOT, "%6.1fs   %s", host.elapsedMillis() / 1000.0, line));
      host.live().event(EventKind.EVOLUTION, "step " + step.n + ": " + line);
      try {
        carryOut(action, from, next);
      } catch (CanaryRollout.RolledBack e) {
        outcome = e.getMessage();
        rolledBack = true;
        break;
      } catch (ExecutionException | TimeoutException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        outcome = "failed at \"" + line + "\": " + cause.getMessage();
        host.event(
            String.format(
                Locale.ROOT,
                "%6.1fs   step %d %s",
                host.elapsedMillis() / 1000.0,
                step.n,
                outcome));
        break;
      }
    }
    double took = (System.nanoTime() - t0) / 1e9;
    windows.applied(step, took, outcome);
    String done =
        String.format(
            Locale.ROOT, "step %d (%s) %s in %.1f s", step.n, next.label(), outcome, took);
    host.event(String.format(Locale.ROOT, "%6.1fs %s", host.elapsedMillis() / 1000.0, done));
    host.live().event(EventKind.EVOLUTION, done);
    // A rolled-back push leaves the running version in place (give a push its own step: other
    // changes of the step applied before the roll stay).
    return rolledBack ? from : next;
  }

  private void carryOut(Action action, Version from, Version next)
      throws InterruptedException, ExecutionException, TimeoutException {
    switch (action) {
      case Action.StartInstances s -> await(host.start(s.instances(), next.spec()));
      case Action.AwaitReady r -> {
        // A start completes once its instances listen and are registered: they are ready.
      }
      case Action.Repoint r -> {
        List<InstanceRef> tier =
            instances(from).stream().filter(i -> i.tier().equals(r.tier())).toList();
        await(host.replace(tier, next.spec(), host.drainTime()));
      }
      case Action.Roll r -> {
        int rolled = r.canary().isPresent() ? canary.run(r, r.canary().get(), from, next) : 0;
        // maxSurge new instances at a time, each old one drained once its successor serves.
        int batch = Math.max(1, r.maxSurge());
        for (int i = rolled; i < r.instances().size(); i += batch) {
          List<InstanceRef> some =
              r.instances().subList(i, Math.min(r.instances().size(), i + batch));
          await(host.replace(some, next.spec(), host.drainTime()));
        }
      }
      case Action.Drain d -> await(host.drain(d.instances(), host.drainTime()));
      case Action.Stop s -> await(host.stop(s.instances()));
      case Action.Reconfigure c ->
          host.event(
              "           (settings are not applied to a running local run yet: "
                  + String.join(", ", c.settings())
                  + ")");
    }
  }

  List<InstanceRef> instances(Version v) {
    return InstanceRef.expand(host.arch(), v.spec(), host.expansion());
  }

  /** A line of the transition under way, on the console and in the live view. */
  static void say(EvolutionHost host, String line) {
    host.event(
        String.format(Locale.ROOT, "%6.1fs   %s", host.elapsedMillis() / 1000.0, line.strip()));
    host.live().event(EventKind.EVOLUTION, line.strip());
  }

  static void await(Future<?> f) throws InterruptedException, ExecutionException, TimeoutException {
    f.toCompletionStage()
        .toCompletableFuture()
        .get(ACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
