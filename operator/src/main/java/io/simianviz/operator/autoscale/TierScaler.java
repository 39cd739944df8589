package io.simianviz.operator.autoscale;

import io.simianviz.model.evolution.AutoscaleDecision;
import io.simianviz.model.evolution.AutoscalePolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One tier's autoscaling between measures: the last reading of each pod, the recommendations of the
 * stabilization window and the count in effect. Each {@link #step} measures the interval since the
 * previous readings and asks {@link AutoscaleDecision} for the instances per region, the same rule
 * as the local runtime's.
 */
final class TierScaler {
  private record Reading(long atMillis, ServedFigures figures) {}

  private final String tier;
  private Map<String, Reading> last = Map.of();
  private List<AutoscaleDecision.Recommendation> history;
  private TierScale scale;

  /** Starts from {@code from} (where the tier is now): nothing shrinks before a whole window. */
  TierScaler(TierScale from, long nowMillis) {
    this.tier = from.tier();
    this.scale = from;
    this.history = AutoscaleDecision.start(nowMillis, from.current());
  }

  int current() {
    return scale.current();
  }

  /**
   * Measures and decides.
   *
   * @param pods this reading of each of the tier's pods that answered, by pod UID
   * @param instances the instances the tier runs at the current count, all regions together
   */
  TierScale step(
      AutoscalePolicy policy, Map<String, ServedFigures> pods, long nowMillis, int instances) {
    double measured = measure(policy, pods, nowMillis, instances);
    Map<String, Reading> next = new HashMap<>();
    pods.forEach((uid, figures) -> next.put(uid, new Reading(nowMillis, figures)));
    last = next;
    int current = scale.current();
    AutoscaleDecision d = AutoscaleDecision.decide(policy, history, nowMillis, current, measured);
    history = d.history();
    scale =
        d.replicas() == current
            ? new TierScale(tier, current, d.recommended(), scale.lastChange(), scale.reason())
            : new TierScale(
                tier,
                d.replicas(),
                d.recommended(),
                Instant.ofEpochMilli(nowMillis),
                reason(policy, current, d.replicas(), measured));
    return scale;
  }

  /**
   * Requests per second per instance (over the instances the tier should run: a pod still starting
   * counts as serving none, as an HPA counts a missing pod on a scale-up), or the p99 in ms of
   * every request served in the interval; NaN when no pod was read twice.
   */
  private double measure(
      AutoscalePolicy policy, Map<String, ServedFigures> pods, long nowMillis, int instances) {
    double rate = 0;
    ServedFigures window = null;
    for (Map.Entry<String, ServedFigures> pod : pods.entrySet()) {
      Reading before = last.get(pod.getKey());
      if (before == null
          || nowMillis <= before.atMillis()
          || !pod.getValue().follows(before.figures())) {
        continue; // a new pod, or one restarted since: its counters started again
      }
      ServedFigures served = pod.getValue().since(before.figures());
      rate += served.requests() * 1000.0 / (nowMillis - before.atMillis());
      window = window == null ? served : window.plus(served);
    }
    if (window == null) {
      return Double.NaN;
    }
    return policy.metric() == AutoscalePolicy.Metric.P99_MS
        ? LatencyQuantile.millis(0.99, window.buckets())
        : rate / Math.max(1, instances);
  }

  private static String reason(AutoscalePolicy policy, int from, int to, double measured) {
    String metric =
        policy.metric() == AutoscalePolicy.Metric.P99_MS ? "p99 ms" : "requests/s per instance";
    String figure =
        Double.isNaN(measured)
            ? "nothing measured"
            : String.format(Locale.ROOT, "%s %.1f", metric, measured);
    return String.format(
        Locale.ROOT,
        "%d -> %d instances per region (%s, target %.1f, bounds %d..%d)",
        from,
        to,
        figure,
        policy.target(),
        policy.min(),
        policy.max());
  }
}
