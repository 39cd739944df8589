package io.simianviz.local.evolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.evolution.AutoscaleDecision;
import io.simianviz.model.evolution.AutoscalePolicy;
import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The local runtime's autoscaler: every {@link #EVERY_MILLIS} it measures each autoscaled tier
 * (requests per second per instance, or p99, over the interval since the last measure) and asks
 * {@link AutoscaleDecision} how many instances per region it should have: more at once, fewer only
 * after the stabilization window. A change is a version of the running spec with the tier's count
 * changed, applied as any other step (start, or drain then stop).
 */
final class Autoscaler {
  /** How often the tiers are measured (an HPA's sync period is 15 s; a step here lasts tens). */
  static final long EVERY_MILLIS = 2_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What is kept per tier between two measures. */
  private static final class TierState {
    List<AutoscaleDecision.Recommendation> history;
    Histogram last;
    long lastAtMillis;
  }

  private final EvolutionHost host;
  private final Map<String, TierState> tiers = new HashMap<>();

  Autoscaler(EvolutionHost host) {
    this.host = host;
  }

  /** One line: the autoscaled tiers and the rate steps of a spec. */
  static String describe(ArchitectureSpec spec) {
    List<String> parts = new java.util.ArrayList<>();
    for (TierSpec t : spec.getServices()) {
      if (t.getAutoscale() != null) {
        AutoscalePolicy p = AutoscalePolicy.of(t.getAutoscale());
        parts.add(
            String.format(
                Locale.ROOT,
                "autoscaling %s (%d..%d per region, target %s %.1f, scale-down after %d s)",
                t.getName(),
                p.min(),
                p.max(),
                p.metric() == AutoscalePolicy.Metric.P99_MS ? "p99 ms" : "requests/s per instance",
                p.target(),
                p.stabilization().toSeconds()));
      }
    }
    var schedule = io.simianviz.model.evolution.RateSchedule.of(spec);
    if (!schedule.steps().isEmpty()) {
      parts.add(
          "traffic.schedule "
              + schedule.steps().stream()
                  .map(
                      s ->
                          String.format(
                              Locale.ROOT, "%.0f/s at %d s", s.rate(), s.at().toSeconds()))
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    return String.join("; ", parts);
  }

  /** A scaling of the running version. */
  record Scaling(Version version, String why) {}

  /**
   * Measures the autoscaled tiers of {@code running}; returns the version to apply when one should
   * change its count, else null. One tier at a time: the next measure sees the result.
   */
  Scaling measure(Version running, long nowMillis) {
    ArchitectureSpec spec = running.spec();
    for (TierSpec t : spec.getServices()) {
      if (t.getAutoscale() == null) {
        continue;
      }
      AutoscalePolicy policy = AutoscalePolicy.of(t.getAutoscale());
      int current = perRegion(running, t.getName());
      if (current < 1) {
        continue;
      }
      TierState state = tiers.get(t.getName());
      Histogram served = host.served(t.getName());
      if (state == null) {
        state = new TierState();
        state.history = AutoscaleDecision.start(nowMillis, current);
        state.last = served;
        state.lastAtMillis = nowMillis;
        tiers.put(t.getName(), state);
        if (current >= policy.min() && current <= policy.max()) {
          continue; // the first measure needs an interval
        }
      }
      double measured = measure(policy, state, served, nowMillis, instances(running, t.getName()));
      state.last = served;
      state.lastAtMillis = nowMillis;
      AutoscaleDecision d =
          AutoscaleDecision.decide(policy, state.history, nowMillis, current, measured);
      state.history = d.history();
      if (d.replicas() != current) {
        String why =
            String.format(
                Locale.ROOT,
                "autoscale %s: %d -> %d instances per region (%s %.1f, target %.1f)",
                t.getName(),
                current,
                d.replicas(),
                policy.metric() == AutoscalePolicy.Metric.P99_MS
                    ? "p99 ms"
                    : "requests/s per instance",
                measured,
                policy.target());
        return new Scaling(withCount(running, t.getName(), d.replicas()), why);
      }
    }
    return null;
  }

  private static double measure(
      AutoscalePolicy policy, TierState state, Histogram served, long now, int instances) {
    if (served == null || now <= state.lastAtMillis) {
      return policy.metric() == AutoscalePolicy.Metric.REQUESTS_PER_INSTANCE ? 0 : Double.NaN;
    }
    Histogram window = served.copy();
    if (state.last != null && state.last.getTotalCount() <= served.getTotalCount()) {
      window.subtract(state.last); // else the figures were reset (the end of a warm-up)
    }
    if (policy.metric() == AutoscalePolicy.Metric.P99_MS) {
      return window.getTotalCount() == 0 ? Double.NaN : window.getValueAtPercentile(99) / 1000.0;
    }
    double seconds = (now - state.lastAtMillis) / 1000.0;
    return window.getTotalCount() / seconds / Math.max(1, instances);
  }

  private int instances(Version v, String tier) {
    return (int)
        InstanceRef.expand(v.loaded().name(), v.spec(), host.expansion()).stream()
            .filter(i -> i.tier().equals(tier))
            .count();
  }

  private int perRegion(Version v, String tier) {
    List<InstanceRef> all =
        InstanceRef.expand(v.loaded().name(), v.spec(), host.expansion()).stream()
            .filter(i -> i.tier().equals(tier))
            .toList();
    long regions = all.stream().map(InstanceRef::region).distinct().count();
    return regions == 0 ? 0 : (int) (all.size() / regions);
  }

  /** The running version with one tier's count changed (a copy: the version itself is kept). */
  private static Version withCount(Version v, String tier, int count) {
    Architecture copy = JSON.convertValue(v.loaded().architecture(), Architecture.class);
    for (TierSpec t : copy.getSpec().getServices()) {
      if (t.getName().equals(tier)) {
        t.setCount(count);
      }
    }
    return new Version(v.file(), new LoadedArchitecture(copy, v.loaded().format()));
  }
}
