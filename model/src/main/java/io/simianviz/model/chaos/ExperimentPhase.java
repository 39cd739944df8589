package io.simianviz.model.chaos;

/** Where an experiment is in its life; the last three are final. */
public enum ExperimentPhase {
  /** Accepted, not started (waiting for its schedule or its architecture). */
  Pending,
  /** Measuring the steady state before the outage. */
  Before,
  /** The outage is in effect. */
  During,
  /** Restored; measuring the recovery. */
  After,
  /** Done; the verdict says how it went. */
  Completed,
  /** Stopped by a person (deleted, or the run interrupted) and restored; no verdict. */
  Aborted,
  /** Not run: a guard or a fact of the architecture stopped it; the message says which. */
  Refused;

  public boolean isFinal() {
    return this == Completed || this == Aborted || this == Refused;
  }
}
