package io.simianviz.local.evolution;

import io.simianviz.model.Defaults;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.WindowFigures;
import io.simianviz.model.evolution.Action;
import io.simianviz.model.evolution.CanaryAnalysis;
import io.simianviz.model.evolution.CanaryPolicy;
import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.model.evolution.RateSchedule;
import io.simianviz.model.evolution.TransitionPlan;
import io.simianviz.model.evolution.TransitionPlanner;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import io.simianviz.service.stats.LatencyHistogram;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Applies the versions of an {@link EvolutionPlan} to one running architecture, each by the
 * transition plan between it and the version before ({@link TransitionPlanner}), and measures every
 * step from the traffic sources' settled counters: a step's window runs from its transition until
 * the next one (send time), so the windows cover the run's traffic exactly once.
 *
 * <p>Transitions run one after another on a thread of their own, which waits for each action to
 * complete before the next. The windows are cut on the run's Vert.x timer.
 */
public final class Evolution {
  /** How often the settled counters are read to cut the windows. */
  static final long TICK_MILLIS = 250;

  /** How often the driver wakes up: rate steps, due versions, autoscaling. */
  static final long LOOP_MILLIS = 100;

  /** How often a watched file is looked at. */
  static final long WATCH_MILLIS = 500;

  /** The longest an action may take (starting instances, a drain): then the step failed. */
  static final Duration ACTION_TIMEOUT = Duration.ofMinutes(2);

  private final EvolutionHost host;
  private final EvolutionPlan plan;
  private final boolean fromTrafficStart;
  private final List<Step> steps = new ArrayList<>();
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch scheduleDone = new CountDownLatch(1);
  private Thread thread;
  private long timer = -1;
  private volatile Version current;
  private final Autoscaler autoscaler;
  private final double startRate;
  private String watchedContent;
  private boolean unreadable;

  /** The rate last set from traffic.schedule or traffic.rate, -1 before any. */
  private double scheduledRate = -1;

  /** One version's step: its transition and its window. Guarded by the Evolution's lock. */
  private static final class Step {
    final int n;
    final Version version;
    final long boundaryMillis;
    final double appliedAtS;
    double transitionS;
    String outcome = "applying";
    String why;
    List<String> plan = List.of();
    int instances;
    TrafficReading open;
    WindowFigures figures;
    boolean closed;

    Step(int n, Version version, long boundaryMillis, double appliedAtS) {
      this.n = n;
      this.version = version;
      this.boundaryMillis = boundaryMillis;
      this.appliedAtS = appliedAtS;
    }
  }

  /**
   * @param fromTrafficStart the first step's window starts with the traffic (no warm-up to leave
   *     out), not when the evolution starts
   */
  public Evolution(EvolutionHost host, EvolutionPlan plan, boolean fromTrafficStart) {
    this.host = host;
    this.plan = plan;
    this.fromTrafficStart = fromTrafficStart;
    this.autoscaler = new Autoscaler(host);
    this.startRate = Defaults.trafficRate(plan.versions().getFirst().spec());
  }

  /** Starts measuring the first version and applying the next ones. */
  public void start() {
    Version first = plan.versions().getFirst();
    current = first;
    Step zero = new Step(0, first, System.currentTimeMillis(), host.elapsedMillis() / 1000.0);
    zero.outcome = "applied";
    zero.instances = instances(first).size();
    if (fromTrafficStart && host.reading() != null) {
      zero.open = TrafficReading.empty(zero.boundaryMillis);
    }
    synchronized (this) {
      steps.add(zero);
    }
    if (plan.watched() != null) {
      host.event(
          String.format(
              Locale.ROOT,
              "%6.1fs evolution: watching %s for saved changes (version %s runs)",
              host.elapsedMillis() / 1000.0,
              plan.watched(),
              first.label()));
    } else if (plan.stepEvery() == null) {
      host.event(
          String.format(
              Locale.ROOT,
              "%6.1fs evolution: %s",
              host.elapsedMillis() / 1000.0,
              Autoscaler.describe(first.spec())
                  + (host.rateOverridden()
                      ? " (traffic.schedule: not applied, --rate fixes the rate)"
                      : "")));
    } else {
      host.event(
          String.format(
              Locale.ROOT,
              "%6.1fs evolution: %d versions, the next applied every %d s: %s",
              host.elapsedMillis() / 1000.0,
              plan.versions().size(),
              plan.stepEvery().toSeconds(),
              plan.versions().stream()
                  .map(v -> v.file().getFileName().toString())
                  .collect(Collectors.joining(", "))));
    }
    timer = host.vertx().setPeriodic(TICK_MILLIS, id -> tick(host.reading()));
    thread = new Thread(this::drive, "simianviz-evolution");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * No further version is applied; a transition under way completes first (a run is not left
   * half-way between two versions).
   */
  public void stop() throws InterruptedException {
    stopSignal.countDown();
    if (thread != null) {
      thread.join(ACTION_TIMEOUT.toMillis());
    }
  }

  /**
   * Closes the windows with the last reading, taken once the traffic stopped and every request it
   * sent has its outcome.
   */
  public void finish(TrafficReading last) {
    if (timer >= 0) {
      host.vertx().cancelTimer(timer);
    }
    synchronized (this) {
      if (last == null) {
        return;
      }
      tick(last);
      for (Step s : steps) {
        if (s.open == null) {
          s.open = last;
        }
      }
      Step lastStep = steps.getLast();
      if (!lastStep.closed) {
        close(lastStep, last);
      }
    }
  }

  /** What summary.json records: every step, in order. */
  public synchronized List<StepSummary> summaries() {
    return steps.stream()
        .map(
            s ->
                StepSummary.of(
                    s.n,
                    s.version.file().toString(),
                    s.version.label(),
                    s.appliedAtS,
                    s.transitionS,
                    s.outcome,
                    s.why,
                    s.plan,
                    s.instances,
                    s.figures))
        .toList();
  }

  /** Cuts the windows of steps whose transition the reading is settled past. */
  private synchronized void tick(TrafficReading reading) {
    if (reading == null) {
      return;
    }
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (s.open == null && s.boundaryMillis <= reading.throughMillis()) {
        if (i > 0 && !steps.get(i - 1).closed && steps.get(i - 1).open != null) {
          close(steps.get(i - 1), reading);
        }
        s.open = reading;
      }
    }
  }

  private void close(Step s, TrafficReading reading) {
    s.closed = true;
    try {
      s.figures = reading.since(s.open);
    } catch (IllegalArgumentException e) {
      s.outcome = s.outcome + "; no figures: " + e.getMessage();
    }
    StepSummary summary =
        StepSummary.of(
            s.n,
            s.version.file().toString(),
            s.version.label(),
            s.appliedAtS,
            s.transitionS,
            s.outcome,
            s.why,
            s.plan,
            s.instances,
            s.figures);
    host.event(
        String.format(Locale.ROOT, "%6.1fs %s", host.elapsedMillis() / 1000.0, summary.line()));
    host.live().event(EventKind.EVOLUTION, summary.line());
  }

  private void drive() {
    try {
      long t0 = System.nanoTime();
      int n = plan.versions().size();
      long every = plan.stepEvery() == null ? 0 : plan.stepEvery().toNanos();
      int next = 1;
      long end = n == 1 ? t0 + every : -1;
      long lastWatch = t0;
      long lastScale = t0;
      watchedContent = plan.watched() == null ? null : contentOrNull(plan.watched());
      while (!stopSignal.await(LOOP_MILLIS, TimeUnit.MILLISECONDS)) {
        applySchedule();
        long now = System.nanoTime();
        if (plan.watched() == null) {
          if (next < n && now - (t0 + every * next) >= 0) {
            apply(plan.versions().get(next++), null);
            if (next == n) {
              // The last version runs to the end of the schedule, and at least half a step.
              end = Math.max(t0 + every * n, System.nanoTime() + every / 2);
            }
            continue;
          }
          if (end >= 0 && now - end >= 0) {
            scheduleDone.countDown();
          }
        } else if (now - lastWatch >= TimeUnit.MILLISECONDS.toNanos(WATCH_MILLIS)) {
          lastWatch = now;
          Version saved = savedChange();
          if (saved != null) {
            apply(saved, null);
            continue;
          }
        }
        if (now - lastScale >= TimeUnit.MILLISECONDS.toNanos(Autoscaler.EVERY_MILLIS)) {
          lastScale = now;
          Autoscaler.Scaling scaling = autoscaler.measure(current, System.currentTimeMillis());
          if (scaling != null) {
            apply(scaling.version(), scaling.why());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      host.event("evolution stopped: " + e);
    } finally {
      scheduleDone.countDown();
    }
  }

  /**
   * Sets the rate that the running version's traffic.schedule (else its traffic.rate) gives now on
   * the traffic sources, when it changed; --rate fixes the rate instead.
   */
  private void applySchedule() {
    if (host.rateOverridden()) {
      return;
    }
    double rate = RateSchedule.of(current.spec()).rateAt(Duration.ofMillis(host.trafficMillis()));
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

  /**
   * Whether every version of the folder has been applied and has run its step (a watched file's
   * evolution is never done: it ends with the run).
   */
  public boolean scheduleDone() {
    return plan.watched() == null && scheduleDone.getCount() == 0;
  }

  /**
   * The watched file's saved change to apply, or null: unchanged, unreadable, or a bad save (said
   * once and ignored).
   */
  private Version savedChange() {
    Path file = plan.watched();
    String content = contentOrNull(file);
    if (content == null) {
      if (!unreadable) {
        host.event(
            String.format(
                Locale.ROOT,
                "%6.1fs watch: %s cannot be read now; %s goes on running",
                host.elapsedMillis() / 1000.0,
                file,
                current.label()));
      }
      unreadable = true;
      return null;
    }
    unreadable = false;
    if (content.equals(watchedContent)) {
      return null;
    }
    watchedContent = content;
    Version next;
    try {
      next = plan.loader().load(file, current.spec());
    } catch (VersionLoader.Rejected rejected) {
      ignored(rejected.getMessage());
      return null;
    }
    if (!next.loaded().name().equals(current.loaded().name())) {
      ignored(
          file
              + ": metadata.name: \""
              + next.loaded().name()
              + "\" is not the running architecture \""
              + current.loaded().name()
              + "\"");
      return null;
    }
    return next;
  }

  private void ignored(String why) {
    host.event(
        String.format(
            Locale.ROOT,
            "%6.1fs watch: %s (ignored; %s goes on running)",
            host.elapsedMillis() / 1000.0,
            why,
            current.label()));
  }

  private static String contentOrNull(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return null;
    }
  }

  /** Plans the transition from the running version to {@code next} and carries it out. */
  private void apply(Version next, String why) throws InterruptedException {
    Version from = current;
    TransitionPlan transition;
    try {
      transition = TransitionPlanner.plan(host.arch(), from.spec(), next.spec(), host.expansion());
    } catch (InvalidArchitectureException e) {
      ignored(
          e.problems().stream()
              .map(Problem::toString)
              .map(p -> next.file() + ": " + p)
              .collect(Collectors.joining("; ")));
      return;
    }
    if (transition.isEmpty() && why == null && plan.watched() != null) {
      host.event(
          String.format(
              Locale.ROOT,
              "%6.1fs watch: %s saved, nothing to change",
              host.elapsedMillis() / 1000.0,
              next.file()));
      current = next;
      return;
    }
    Step step;
    synchronized (this) {
      step =
          new Step(steps.size(), next, System.currentTimeMillis(), host.elapsedMillis() / 1000.0);
      step.plan = transition.render().lines().skip(1).map(String::strip).toList();
      step.why = why;
      step.instances = instances(next).size();
      steps.add(step);
    }
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
      } catch (RolledBack e) {
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
    synchronized (this) {
      step.transitionS = took;
      step.outcome = outcome;
    }
    // A rolled-back push leaves the running version in place (give a push its own step: other
    // changes of the step applied before the roll stay).
    current = rolledBack ? from : next;
    String done =
        String.format(
            Locale.ROOT, "step %d (%s) %s in %.1f s", step.n, next.label(), outcome, took);
    host.event(String.format(Locale.ROOT, "%6.1fs %s", host.elapsedMillis() / 1000.0, done));
    host.live().event(EventKind.EVOLUTION, done);
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
        int rolled = r.canary().isPresent() ? canary(r, r.canary().get(), from, next) : 0;
        // maxSurge new instances at a time, each old one drained once its successor serves.
        int batch = Math.max(1, r.maxSurge());
        for (int i = rolled; i < r.instances().size(); i += batch) {
          List<InstanceRef> some =
              r.instances().subList(i, Math.min(r.instances().size(), i + batch));
          await(host.replace(some, next.spec(), host.drainTime()));
        }
      }
      case Action.Drain d -> {
        host.deregister(d.instances());
        Thread.sleep(host.drainTime().toMillis());
      }
      case Action.Stop s -> await(host.stop(s.instances()));
      case Action.Reconfigure c ->
          host.event(
              "           (settings are not applied to a running local run yet: "
                  + String.join(", ", c.settings())
                  + ")");
    }
  }

  /**
   * Replaces the first instances of the roll by the new version, as many as give it about {@code
   * weight} percent of the tier's calls (callers spread over a tier's instances), and judges them
   * every interval by their own figures ({@link CanaryAnalysis}). Promoted: returns how many are
   * rolled. Rolled back: they are replaced by the running version again, and {@link RolledBack} is
   * thrown.
   */
  private int canary(Action.Roll r, CanaryPolicy policy, Version from, Version next)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<InstanceRef> all = r.instances();
    int k =
        all.size() == 1
            ? 1
            : Math.clamp((long) Math.ceil(all.size() * policy.weight() / 100.0), 1, all.size() - 1);
    List<InstanceRef> canary = all.subList(0, k);
    await(host.replace(canary, next.spec(), host.drainTime()));
    say(
        String.format(
            Locale.ROOT,
            "  canary %s: %d of %d instance(s) at %s (about %d%% of its calls), judged every %d s",
            r.tier(),
            k,
            all.size(),
            r.toVersion() == null ? "the new settings" : r.toVersion(),
            Math.round(100.0 * k / all.size()),
            policy.interval().toSeconds()));
    List<WindowFigures> intervals = new ArrayList<>();
    LatencyHistogram.Snapshot last = host.servedBy(canary);
    long lastAt = System.currentTimeMillis();
    while (true) {
      if (stopSignal.await(policy.interval().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new RolledBack(
            "stopped: the run ended during the canary analysis of "
                + r.tier()
                + " ("
                + k
                + " canary instance(s) left at the new version)");
      }
      LatencyHistogram.Snapshot now = host.servedBy(canary);
      long at = System.currentTimeMillis();
      WindowFigures w = figures(last, now, lastAt, at);
      last = now;
      lastAt = at;
      intervals.add(w);
      Optional<String> failed = CanaryAnalysis.failure(policy, w);
      say(
          String.format(
              Locale.ROOT,
              "  canary %s interval %d: %d requests, success %.3f%%, p99 <= %.1f ms: %s",
              r.tier(),
              intervals.size(),
              w.requests(),
              100 * w.successRate(),
              w.p99Ms(),
              failed.map(f -> "failed (" + f + ")").orElse("passed")));
      CanaryAnalysis.Judgement j = CanaryAnalysis.judge(policy, intervals);
      if (j.outcome() == CanaryAnalysis.Outcome.PROMOTE) {
        say("  canary " + r.tier() + " promoted after " + j.intervals() + " interval(s)");
        return k;
      }
      if (j.outcome() == CanaryAnalysis.Outcome.ROLLBACK) {
        say(
            "  canary "
                + r.tier()
                + " failed "
                + j.failures().size()
                + " interval(s): rolling back to "
                + (r.fromVersion() == null ? "the running version" : r.fromVersion()));
        await(host.replace(canary, from.spec(), host.drainTime()));
        throw new RolledBack(
            "rolled back "
                + r.tier()
                + " to "
                + (r.fromVersion() == null ? "the running version" : r.fromVersion())
                + ": "
                + String.join("; ", j.failures()));
      }
    }
  }

  /** A canary's figures over one interval, from its instances' own counts. */
  private static WindowFigures figures(
      LatencyHistogram.Snapshot before, LatencyHistogram.Snapshot after, long from, long to) {
    long requests = Math.max(0, after.count() - before.count());
    long errors = Math.clamp(after.errors() - before.errors(), 0, requests);
    return new WindowFigures(
        from,
        to,
        requests,
        requests - errors,
        errors,
        0,
        requests == 0 ? 0 : (requests - errors) / (double) requests,
        after.percentileSince(before, 50) / 1000.0,
        after.percentileSince(before, 99) / 1000.0);
  }

  /** A canary that did not pass: the step ends with the running version kept for the tier. */
  static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RolledBack(String message) {
      super(message);
    }
  }

  private void say(String line) {
    host.event(
        String.format(Locale.ROOT, "%6.1fs   %s", host.elapsedMillis() / 1000.0, line.strip()));
    host.live().event(EventKind.EVOLUTION, line.strip());
  }

  private List<InstanceRef> instances(Version v) {
    return InstanceRef.expand(host.arch(), v.spec(), host.expansion());
  }

  private static void await(Future<?> f)
      throws InterruptedException, ExecutionException, TimeoutException {
    f.toCompletionStage()
        .toCompletableFuture()
        .get(ACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
