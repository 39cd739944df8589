package io.simianviz.model.chaos;

/**
 * How an experiment's readings are judged against its steady state: a closed window (recorded in
 * the status, the next one opened where it ends) and a reading of the outage since the one before.
 * A source restarted between two readings makes their difference meaningless; that is a miss, its
 * reason the message, rather than an error that would stop the experiment.
 */
final class ExperimentWindows {
  private final ExperimentSettings settings;
  private final ExperimentStatus status;
  private final ExperimentProgress progress;

  ExperimentWindows(
      ExperimentSettings settings, ExperimentStatus status, ExperimentProgress progress) {
    this.settings = settings;
    this.status = status;
    this.progress = progress;
  }

  /** Records the window from the open window's start to {@code reading}; returns what it missed. */
  String close(String name, TrafficReading reading) {
    TrafficReading start = progress.getWindowStart().toReading();
    String missed;
    WindowFigures figures;
    try {
      figures = reading.since(start);
      missed = settings.missed(figures);
    } catch (IllegalArgumentException restarted) {
      figures = reading.since(TrafficReading.empty(start.throughMillis()));
      missed = restarted.getMessage();
    }
    status.getWindows().add(WindowStatus.of(name, figures, missed));
    progress.setWindowStart(TrafficCounters.of(reading));
    return missed;
  }

  /** What {@code reading} missed since {@code earlier}, or null when it met the steady state. */
  String missed(TrafficReading reading, TrafficReading earlier) {
    try {
      return settings.missed(reading.since(earlier));
    } catch (IllegalArgumentException restarted) {
      return restarted.getMessage();
    }
  }
}
