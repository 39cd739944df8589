package io.simianviz.model.live;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an instance is in its life, as the live view draws it. */
public enum InstanceState {
  /** Started, not yet serving (not in discovery yet). */
  STARTING,
  /** Serving and found by its callers. */
  READY,
  /** Stopped by chaos; callers still find it until discovery forgets it. */
  KILLED,
  /** Up, but cut off from its callers or dependencies (a network experiment). */
  ISOLATED,
  /** Taking no new calls, finishing those in flight before it stops (an evolution step). */
  DRAINING,
  /** Gone for good, another instance serves in its place (a pod replaced under a new name). */
  REPLACED;

  /** The state's name in JSON and on the page: {@code ready}, {@code killed}... */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the instance takes calls in this state. */
  public boolean serving() {
    return this == READY;
  }
}
