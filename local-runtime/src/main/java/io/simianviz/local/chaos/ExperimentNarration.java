package io.simianviz.local.chaos;

import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.chaos.ExperimentStatus;
import io.simianviz.model.chaos.WindowStatus;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import java.util.List;
import java.util.Locale;

/**
 * What one experiment says while it runs: its console lines (each prefixed with the run's clock and
 * the experiment's name) and its notices for the live view. Kept apart from {@link LocalExperiment}
 * so that the wording of every step is in one place; it remembers which windows and bad readings it
 * has already shown, so each is said once.
 */
final class ExperimentNarration {
  private final ExperimentHost host;
  private final PlannedExperiment planned;
  private final ExperimentSettings settings;
  private int windowsShown;
  private int missedShown;

  ExperimentNarration(ExperimentHost host, PlannedExperiment planned, ExperimentSettings settings) {
    this.host = host;
    this.planned = planned;
    this.settings = settings;
  }

  /** The plan, said when the experiment starts its windows. */
  void started() {
    event(
        String.format(
            Locale.ROOT,
            "%s%s, steady state for %d s%s",
            describe(planned.spec().getTarget()),
            settings.dryRun() ? " (dry run)" : "",
            settings.window().toSeconds(),
            settings.dryRun()
                ? ""
                : String.format(
                    Locale.ROOT,
                    ", then the outage for %d s, then recovery for %d s",
                    settings.duration().toSeconds(),
                    settings.window().toSeconds())));
  }

  void refused(String reason) {
    event("refused: " + reason);
  }

  void wouldHit(String target, int count) {
    event("dry run: would take down " + count + " instance(s) of " + target + ", touched nothing");
  }

  /**
   * @param described the target as {@link #describe} words it
   * @param target the target as the selector names it
   */
  void injected(String described, String target, String verb, List<String> names) {
    host.notice(
        EventKind.EXPERIMENT,
        planned.name() + ": outage of " + names.size() + " instance(s), " + described,
        names);
    event(
        String.format(
            Locale.ROOT,
            "outage: %d instance(s) of %s %s%s",
            names.size(),
            target,
            verb,
            names.size() == 1 ? ": " + names.getFirst() : ""));
  }

  void restoring(String reason) {
    event("restoring: " + reason);
  }

  /**
   * Everything the outage took down is back.
   *
   * @param names the instances the outage took down, or null when there was no outage
   */
  void restored(List<String> names) {
    restoredNotice(names);
    event("restored" + (names == null ? "" : ": " + names.size() + " instance(s) back"));
  }

  /** The outage is over, but bringing its instances back failed. */
  void restoredPartly(List<String> names, Throwable cause) {
    restoredNotice(names);
    event("restored, but not everything came back: " + cause.getMessage());
  }

  private void restoredNotice(List<String> names) {
    host.notice(
        EventKind.EXPERIMENT, planned.name() + ": restored", names == null ? List.of() : names);
  }

  void verdict(ExperimentStatus status) {
    String outcome =
        status.getPhase() == ExperimentPhase.Completed && status.getVerdict() != null
            ? status.getVerdict().name()
            : status.getPhase().name();
    event("verdict " + outcome + ": " + status.getMessage());
    host.notice(
        EventKind.VERDICT,
        planned.name() + ": " + outcome + ": " + status.getMessage(),
        status.getVictims());
  }

  /** Windows closed and bad readings since the last call, each a line. */
  void progress(ExperimentStatus status) {
    List<WindowStatus> windows = status.getWindows();
    for (; windowsShown < windows.size(); windowsShown++) {
      event("  " + windowLine(windows.get(windowsShown)));
    }
    var progress = status.getProgress();
    int missed = progress == null ? 0 : progress.getConsecutiveMissed();
    if (missed > missedShown) {
      event(
          String.format(
              Locale.ROOT,
              "reading %d of %d in a row below the steady state",
              missed,
              settings.failureThreshold()));
    }
    missedShown = missed;
  }

  static String windowLine(WindowStatus w) {
    return String.format(
        Locale.ROOT,
        "%-6s %7d requests %6d errors %6d lost  success %7.3f%%  p50 %8.2f ms  p99 %8.2f ms  %s",
        w.getName(),
        w.getRequests(),
        w.getErrors(),
        w.getLost(),
        100 * w.getSuccessRate(),
        w.getP50Ms(),
        w.getP99Ms(),
        w.isMet() ? "met" : "missed: " + w.getMissed());
  }

  /** e.g. "gorilla us-east-1/zoneA stop", "monkey homepage". */
  String describe(String target) {
    ChaosExperimentSpec spec = planned.spec();
    return spec.getKind().value()
        + " "
        + target
        + (spec.getKind() == ChaosKind.MONKEY ? "" : " " + settings.mode().value());
  }

  private void event(String line) {
    host.event(
        String.format(
            Locale.ROOT,
            "%6.1fs experiment %s: %s",
            host.elapsedMillis() / 1000.0,
            planned.name(),
            line));
  }
}
