package io.simianviz.local.chaos;

/**
 * One chaos action of a local run, as summary.json records it.
 *
 * @param timeMs when the victim was killed, in milliseconds since the run started (the console's
 *     clock)
 * @param replacedMs when its replacement was up, on the same clock; null when it was not (the run
 *     ended first, or it failed to start)
 */
public record ChaosEvent(String kind, String target, String victim, long timeMs, Long replacedMs) {
  ChaosEvent replacedAt(long ms) {
    return new ChaosEvent(kind, target, victim, timeMs, ms);
  }
}
