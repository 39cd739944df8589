package io.simianviz.local.evolution;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.evolution.TransitionPlanner;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Applies the versions of an {@link EvolutionPlan} to one running architecture, each by the
 * transition plan between it and the version before ({@link TransitionPlanner}, carried out by
 * {@link Transitions}), and measures every step from the traffic sources' settled counters ({@link
 * StepWindows}). Versions come from a folder on a timer, from a watched file ({@link WatchedFile})
 * or from the autoscaler; the running version's rate schedule is followed ({@link RateSteps}).
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

  private final EvolutionHost host;
  private final EvolutionPlan plan;
  private final boolean fromTrafficStart;
  private final StepWindows windows;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch scheduleDone = new CountDownLatch(1);
  private final Transitions transitions;
  private final Autoscaler autoscaler;
  private final RateSteps rates;
  private Thread thread;
  private long timer = -1;
  private volatile Version current;

  /**
   * @param fromTrafficStart the first step's window starts with the traffic (no warm-up to leave
   *     out), not when the evolution starts
   */
  public Evolution(EvolutionHost host, EvolutionPlan plan, boolean fromTrafficStart) {
    this.host = host;
    this.plan = plan;
    this.fromTrafficStart = fromTrafficStart;
    this.windows = new StepWindows(host);
    this.transitions = new Transitions(host, windows, stopSignal, plan.watched() != null);
    this.autoscaler = new Autoscaler(host);
    this.rates = new RateSteps(host, plan.versions().getFirst());
  }

  /** Starts measuring the first version and applying the next ones. */
  public void start() {
    Version first = plan.versions().getFirst();
    current = first;
    windows.first(first, transitions.instances(first).size(), fromTrafficStart);
    host.event(
        String.format(Locale.ROOT, "%6.1fs evolution: %s", host.elapsedMillis() / 1000.0, what()));
    timer = host.vertx().setPeriodic(TICK_MILLIS, id -> windows.tick(host.reading()));
    thread = new Thread(this::drive, "simianviz-evolution");
    thread.setDaemon(true);
    thread.start();
  }

  /** What this evolution does, said when it starts. */
  private String what() {
    Version first = plan.versions().getFirst();
    if (plan.watched() != null) {
      return String.format(
          Locale.ROOT,
          "watching %s for saved changes (version %s runs)",
          plan.watched(),
          first.label());
    }
    if (plan.stepEvery() == null) {
      return Autoscaler.describe(first.spec())
          + (host.rateOverridden()
              ? " (traffic.schedule: not applied, --rate fixes the rate)"
              : "");
    }
    return String.format(
        Locale.ROOT,
        "%d versions, the next applied every %d s: %s",
        plan.versions().size(),
        plan.stepEvery().toSeconds(),
        plan.versions().stream()
            .map(v -> v.file().getFileName().toString())
            .collect(Collectors.joining(", ")));
  }

  /**
   * No further version is applied; a transition under way completes first (a run is not left
   * half-way between two versions).
   */
  public void stop() throws InterruptedException {
    stopSignal.countDown();
    if (thread != null) {
      thread.join(Transitions.ACTION_TIMEOUT.toMillis());
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
    windows.finish(last);
  }

  /** What summary.json records: every step, in order. */
  public List<StepSummary> summaries() {
    return windows.summaries();
  }

  /**
   * Whether every version of the folder has been applied and has run its step (a watched file's
   * evolution is never done: it ends with the run).
   */
  public boolean scheduleDone() {
    return plan.watched() == null && scheduleDone.getCount() == 0;
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
      WatchedFile watched =
          plan.watched() == null ? null : new WatchedFile(host, plan.watched(), plan.loader());
      while (!stopSignal.await(LOOP_MILLIS, TimeUnit.MILLISECONDS)) {
        long now = System.nanoTime();
        rates.apply(current, Duration.ofNanos(now - t0));
        if (watched == null) {
          if (next < n && now - (t0 + every * next) >= 0) {
            current = transitions.apply(current, plan.versions().get(next++), null);
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
          Version saved = watched.savedChange(current);
          if (saved != null) {
            current = transitions.apply(current, saved, null);
            continue;
          }
        }
        if (now - lastScale >= TimeUnit.MILLISECONDS.toNanos(Autoscaler.EVERY_MILLIS)) {
          lastScale = now;
          Autoscaler.Scaling scaling = autoscaler.measure(current, System.currentTimeMillis());
          if (scaling != null) {
            current = transitions.apply(current, scaling.version(), scaling.why());
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
}
