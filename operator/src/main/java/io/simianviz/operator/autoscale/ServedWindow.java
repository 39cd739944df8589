package io.simianviz.operator.autoscale;

import io.simianviz.model.chaos.WindowFigures;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a set of pods served between two readings of their {@code /metrics}, as the window figures a
 * canary is judged by ({@code CanaryAnalysis}): requests, errors (answered with a status of 400 or
 * more), and p50/p99 from the latency buckets. Only pods read both times count, and only when their
 * counters did not go back (a restarted pod's started again). A pod sees no lost call, so {@code
 * lost} is 0 and {@code answered} is requests less errors.
 */
public final class ServedWindow {
  private ServedWindow() {}

  /**
   * The window from {@code fromMillis} to {@code toMillis}.
   *
   * @param earlier each pod's reading at the start, by pod UID
   * @param later each pod's reading at the end, by pod UID
   */
  public static WindowFigures of(
      Map<String, ServedFigures> earlier,
      Map<String, ServedFigures> later,
      long fromMillis,
      long toMillis) {
    ServedFigures served = new ServedFigures(0, 0, new TreeMap<>());
    for (Map.Entry<String, ServedFigures> pod : later.entrySet()) {
      ServedFigures before = earlier.get(pod.getKey());
      if (before != null && pod.getValue().follows(before)) {
        served = served.plus(pod.getValue().since(before));
      }
    }
    long requests = served.requests();
    long answered = requests - served.errors();
    return new WindowFigures(
        fromMillis,
        toMillis,
        requests,
        answered,
        served.errors(),
        0,
        requests == 0 ? 0 : answered / (double) requests,
        orZero(LatencyQuantile.millis(0.5, served.buckets())),
        orZero(LatencyQuantile.millis(0.99, served.buckets())));
  }

  private static double orZero(double millis) {
    return Double.isNaN(millis) ? 0 : millis;
  }
}
