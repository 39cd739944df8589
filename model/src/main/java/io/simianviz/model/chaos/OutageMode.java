package io.simianviz.model.chaos;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a zone or region outage takes its instances out; both are undone when it ends. */
public enum OutageMode {
  /** Instances down, like a power interruption: their Deployments scaled to 0. */
  STOP,
  /** Instances up but unreachable, like a network partition: a blackholing NetworkPolicy. */
  ISOLATE;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
