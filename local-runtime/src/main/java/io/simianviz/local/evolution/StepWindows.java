package io.simianviz.local.evolution;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.WindowFigures;
import io.simianviz.model.live.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The steps of an evolution and their windows: a step's window runs from its transition until the
 * next one's, in send time, cut from the traffic sources' settled counters, so the windows cover
 * the run's traffic exactly once. A window closes once the counters are settled past the next
 * transition's start; its line goes to the console and the live view then.
 */
final class StepWindows {
  /** One version's step: its transition and its window. Guarded by the StepWindows' lock. */
  static final class Step {
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

    StepSummary summary() {
      return StepSummary.of(
          n,
          version.file().toString(),
          version.label(),
          appliedAtS,
          transitionS,
          outcome,
          why,
          plan,
          instances,
          figures);
    }
  }

  private final EvolutionHost host;
  private final List<Step> steps = new ArrayList<>();

  StepWindows(EvolutionHost host) {
    this.host = host;
  }

  /**
   * Step 0: the version the run started with, applied from the start. Its window opens with the
   * traffic when {@code fromTrafficStart} (no warm-up to leave out), else at the first reading.
   */
  void first(Version version, int instances, boolean fromTrafficStart) {
    Step zero = new Step(0, version, System.currentTimeMillis(), host.elapsedMillis() / 1000.0);
    zero.outcome = "applied";
    zero.instances = instances;
    if (fromTrafficStart && host.reading() != null) {
      zero.open = TrafficReading.empty(zero.boundaryMillis);
    }
    synchronized (this) {
      steps.add(zero);
    }
  }

  /**
   * A new step, its window starting now: the next number, the version it applies and its
   * transition's plan (one line per action).
   *
   * @param why what caused it (an autoscaling decision), or null for a new version
   * @param instances how many instances the version has
   */
  synchronized Step open(Version version, String why, List<String> plan, int instances) {
    Step step =
        new Step(steps.size(), version, System.currentTimeMillis(), host.elapsedMillis() / 1000.0);
    step.why = why;
    step.plan = plan;
    step.instances = instances;
    steps.add(step);
    return step;
  }

  /** The step's transition ended with this outcome, after {@code took} seconds. */
  synchronized void applied(Step step, double took, String outcome) {
    step.transitionS = took;
    step.outcome = outcome;
  }

  /** Cuts the windows of steps whose transition the reading is settled past. */
  synchronized void tick(TrafficReading reading) {
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

  /**
   * Closes the windows with the last reading, taken once the traffic stopped and every request it
   * sent has its outcome.
   */
  synchronized void finish(TrafficReading last) {
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

  /** What summary.json records: every step, in order. */
  synchronized List<StepSummary> summaries() {
    return steps.stream().map(Step::summary).toList();
  }

  private void close(Step s, TrafficReading reading) {
    s.closed = true;
    try {
      s.figures = reading.since(s.open);
    } catch (IllegalArgumentException e) {
      s.outcome = s.outcome + "; no figures: " + e.getMessage();
    }
    String line = s.summary().line();
    host.event(String.format(Locale.ROOT, "%6.1fs %s", host.elapsedMillis() / 1000.0, line));
    host.live().event(EventKind.EVOLUTION, line);
  }
}
