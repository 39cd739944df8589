package io.simianviz.local.run;

import io.simianviz.model.chaos.TrafficReading;

/**
 * When an automatic warm-up may end: once every request the traffic sources sent over a whole
 * window has its answer, none failed and none lost. A cold JVM on busy cores times calls out while
 * it still compiles the hop path and opens connections, and a run measured from then on would
 * report the JIT, not the architecture. Fed the sources' summed readings in time order.
 */
public final class WarmupSettling {
  /**
   * How much sending a clean window covers: 500 requests at the default 100 per second, and longer
   * than a request's timeout and retry, so a collapse under way shows in it.
   */
  public static final long WINDOW_MILLIS = 5_000;

  private TrafficReading first;
  private TrafficReading from;

  /** Whether the requests sent since the window began all succeeded, over a whole window. */
  public boolean settled(TrafficReading now) {
    if (first == null) {
      first = now;
    }
    if (from == null || failed(now) > failed(from)) {
      from = now; // a failure: a clean window starts from here
      return false;
    }
    return now.throughMillis() - from.throughMillis() >= WINDOW_MILLIS
        && now.answered() > from.answered();
  }

  /** Requests that have their outcome since the first reading. */
  public long settledSinceFirst(TrafficReading now) {
    return first == null ? 0 : now.sent() - first.sent();
  }

  /** Requests that failed or were lost since the first reading. */
  public long failedSinceFirst(TrafficReading now) {
    return first == null ? 0 : failed(now) - failed(first);
  }

  private static long failed(TrafficReading r) {
    return r.errors() + r.lost();
  }
}
