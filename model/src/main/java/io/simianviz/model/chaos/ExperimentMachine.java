package io.simianviz.model.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The life of one chaos experiment, as a pure state machine over its status: a steady-state window
 * before the outage, the outage (read every interval, ended early after too many bad readings in a
 * row), and a recovery window after it. Windows are delimited by send time, using settled {@link
 * TrafficReading}s, so every request sent is counted in exactly one window once it has an outcome.
 *
 * <p>The runtime (local or operator) calls {@link #advance} with the clock and the latest reading,
 * carries out the action it returns, and reports back with {@link #injected}, {@link #refused},
 * {@link #wouldHit} or {@link #restored}. All state lives in the {@link ExperimentStatus}, so a
 * machine rebuilt from a stored status carries on.
 */
public final class ExperimentMachine {
  /** What the runtime must do next. */
  public sealed interface Action {
    /** Nothing yet; call {@link #advance} again later. */
    record Wait() implements Action {}

    /** Select the victims and take them down (a dry run: only select them), then report. */
    record Inject() implements Action {}

    /** Undo the outage now, then call {@link #restored}. */
    record Restore(String reason) implements Action {}

    /** The experiment is over; the status holds the outcome. */
    record Finished() implements Action {}
  }

  /** How long after the planned end a missing reading fails the experiment. */
  static final Duration STALE = Duration.ofMinutes(2);

  private static final Action WAIT = new Action.Wait();
  private static final Action FINISHED = new Action.Finished();

  private final ExperimentSettings settings;
  private final ExperimentStatus status;
  private final ExperimentProgress progress;
  private final ExperimentWindows windows;

  public ExperimentMachine(ExperimentSettings settings, ExperimentStatus status) {
    this.settings = settings;
    this.status = status;
    if (status.getPhase() == null) {
      status.setPhase(ExperimentPhase.Pending);
    }
    if (status.getProgress() == null) {
      status.setProgress(new ExperimentProgress());
    }
    this.progress = status.getProgress();
    this.windows = new ExperimentWindows(settings, status, progress);
  }

  public ExperimentStatus status() {
    return status;
  }

  /**
   * Moves the experiment on.
   *
   * @param nowMillis the clock, epoch milliseconds
   * @param reading the traffic sources' latest settled reading, or null when none could be read
   */
  public Action advance(long nowMillis, TrafficReading reading) {
    return switch (status.getPhase()) {
      case Pending -> start(nowMillis, reading);
      case Before -> before(nowMillis, reading);
      case During -> during(nowMillis, reading);
      case After -> after(nowMillis, reading);
      case Completed, Aborted, Refused -> FINISHED;
    };
  }

  private Action start(long now, TrafficReading reading) {
    if (reading == null) {
      return WAIT;
    }
    status.setStartedAt(time(now));
    status.setPhase(ExperimentPhase.Before);
    progress.setWindowStart(TrafficCounters.of(reading));
    // The window runs in send time from where the counters are settled: a window measured from
    // the clock would also hold the settle lag's worth of earlier traffic.
    progress.setCloseWindowAtMillis(reading.throughMillis() + settings.window().toMillis());
    progress.setPhaseEndsAtMillis(now + settings.window().toMillis());
    return WAIT;
  }

  private Action before(long now, TrafficReading reading) {
    Long closeAt = progress.getCloseWindowAtMillis();
    if (closeAt == null) {
      return new Action.Inject(); // closed and met, but the runtime has not reported the strike
    }
    if (reading == null || reading.throughMillis() < closeAt) {
      return stale(now);
    }
    String missed = windows.close("before", reading);
    if (missed != null) {
      return finish(now, Verdict.Fail, "steady state not met before the outage: " + missed);
    }
    progress.setCloseWindowAtMillis(null);
    return new Action.Inject();
  }

  /** The outage is in effect on these victims. */
  public void injected(long nowMillis, String target, List<String> victims) {
    status.setTarget(target);
    status.setVictims(victims);
    status.setInjectedAt(time(nowMillis));
    status.setPhase(ExperimentPhase.During);
    status.setMessage("outage of " + victims.size() + " instances: " + target);
    progress.setPhaseEndsAtMillis(nowMillis + settings.duration().toMillis());
    progress.setLastReading(progress.getWindowStart());
    progress.setConsecutiveMissed(0);
  }

  /** A dry run selected these victims and touched nothing. */
  public void wouldHit(long nowMillis, String target, List<String> victims) {
    status.setTarget(target);
    status.setVictims(victims);
    status.setPhase(ExperimentPhase.Completed);
    status.setMessage(
        "dry run: would take down " + victims.size() + " instances; nothing was touched");
    status.setFinishedAt(time(nowMillis));
    status.setProgress(null);
  }

  /** Nothing was hit, for this reason (a guard, or a target the architecture lacks). */
  public void refused(long nowMillis, String target, String reason) {
    status.setTarget(target);
    status.setPhase(ExperimentPhase.Refused);
    status.setMessage(reason);
    status.setFinishedAt(time(nowMillis));
    status.setProgress(null);
  }

  private Action during(long now, TrafficReading reading) {
    TrafficCounters last = progress.getLastReading();
    if (reading != null
        && last != null
        && progress.getAbortReason() == null
        && reading.throughMillis() >= last.getThroughMillis() + settings.interval().toMillis()) {
      String missed = windows.missed(reading, last.toReading());
      progress.setLastReading(TrafficCounters.of(reading));
      progress.setConsecutiveMissed(missed == null ? 0 : progress.getConsecutiveMissed() + 1);
      if (progress.getConsecutiveMissed() >= settings.failureThreshold()) {
        long injectedAt = Instant.parse(status.getInjectedAt()).toEpochMilli();
        progress.setAbortReason(
            String.format(
                "aborted after %d s: %d readings in a row missed the steady state (%s)",
                Math.round((now - injectedAt) / 1000.0), progress.getConsecutiveMissed(), missed));
      }
    }
    if (progress.getAbortReason() != null) {
      return new Action.Restore(progress.getAbortReason());
    }
    if (now >= progress.getPhaseEndsAtMillis()) {
      return new Action.Restore("the outage lasted its " + settings.duration().toSeconds() + " s");
    }
    return WAIT;
  }

  /**
   * A person stops the experiment (the resource was deleted, the run interrupted). An outage in
   * effect must still be restored: the action says so.
   */
  public Action stop(long nowMillis, String why) {
    if (status.getPhase() == ExperimentPhase.During) {
      progress.setAbortReason("stopped: " + why);
      progress.setStopped(true);
      return new Action.Restore(progress.getAbortReason());
    }
    if (!status.getPhase().isFinal()) {
      status.setPhase(ExperimentPhase.Aborted);
      status.setMessage("stopped before the outage: " + why);
      status.setFinishedAt(time(nowMillis));
      status.setProgress(null);
    }
    return FINISHED;
  }

  /** The outage is undone. */
  public void restored(long nowMillis) {
    status.setRestoredAt(time(nowMillis));
    if (progress.isStopped()) {
      status.setPhase(ExperimentPhase.Aborted);
      status.setMessage(progress.getAbortReason() + "; the outage was restored");
      status.setFinishedAt(time(nowMillis));
      status.setProgress(null);
      return;
    }
    status.setPhase(ExperimentPhase.After);
    progress.setCloseWindowAtMillis(nowMillis);
    progress.setPhaseEndsAtMillis(nowMillis + settings.window().toMillis());
  }

  private Action after(long now, TrafficReading reading) {
    if (reading == null) {
      return stale(now);
    }
    Long closeAt = progress.getCloseWindowAtMillis();
    if (closeAt != null) {
      if (reading.throughMillis() < closeAt) {
        return stale(now);
      }
      windows.close("during", reading);
      progress.setCloseWindowAtMillis(null);
      // The recovery window starts where the outage's window closed, whenever that reading came.
      progress.setAfterEndsAtMillis(reading.throughMillis() + settings.window().toMillis());
      progress.setPhaseEndsAtMillis(now + settings.window().toMillis());
      return WAIT;
    }
    if (reading.throughMillis() < progress.getAfterEndsAtMillis()) {
      return stale(now);
    }
    windows.close("after", reading);
    List<String> missed =
        status.getWindows().stream()
            .filter(w -> !w.isMet())
            .map(w -> w.getName() + ": " + w.getMissed())
            .toList();
    if (progress.getAbortReason() != null) {
      return finish(now, Verdict.Fail, progress.getAbortReason());
    }
    if (!missed.isEmpty()) {
      return finish(now, Verdict.Fail, "missed the steady state, " + String.join("; ", missed));
    }
    return finish(now, Verdict.Pass, "every window met the steady state");
  }

  /** Waits for readings, but not for ever: a window that cannot close fails the experiment. */
  private Action stale(long now) {
    if (now > progress.getPhaseEndsAtMillis() + STALE.toMillis()) {
      return finish(
          now,
          Verdict.Fail,
          "no settled traffic reading for " + STALE.toMinutes() + " min after the window's end");
    }
    return WAIT;
  }

  private Action finish(long now, Verdict verdict, String message) {
    status.setPhase(ExperimentPhase.Completed);
    status.setVerdict(verdict);
    status.setMessage(message);
    status.setFinishedAt(time(now));
    status.setProgress(null);
    return FINISHED;
  }

  private static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
