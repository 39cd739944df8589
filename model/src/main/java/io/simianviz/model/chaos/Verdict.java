package io.simianviz.model.chaos;

/** How the application took an experiment. */
public enum Verdict {
  /** Every window met the steady-state thresholds. */
  Pass,
  /** A window missed them, or the experiment was aborted early for missing them. */
  Fail
}
