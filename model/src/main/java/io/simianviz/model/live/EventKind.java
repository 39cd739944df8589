package io.simianviz.model.live;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened, for the events list of the live view. */
public enum EventKind {
  /** Chaos stopped an instance. */
  KILL,
  /** A killed instance's replacement serves. */
  REPLACEMENT,
  /** A chaos experiment entered a phase (steady state, injection, recovery...). */
  EXPERIMENT,
  /** A chaos experiment's verdict. */
  VERDICT,
  /** A step of a live evolution (a tier added, scaled, drained...). */
  EVOLUTION,
  /** Anything else worth a line: the run started, the traffic stopped. */
  NOTE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
