package io.simianviz.local;

import io.simianviz.service.stats.Series;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Per-tier totals over all ops (what a traffic source sent counts as its tier's requests),
 * percentiles from the merged histograms, never averaged.
 */
record TierTotals(
    String name, int instances, long requests, long errors, double p50Ms, double p99Ms) {

  static Map<String, TierTotals> of(StatsSnapshot stats, Map<String, Integer> instancesPerTier) {
    Map<String, Histogram> merged = new LinkedHashMap<>();
    Map<String, long[]> counts = new LinkedHashMap<>();
    List<StatsSnapshot.Entry> entries = stats.entries();
    for (int i = 0; i < entries.size(); i++) {
      StatsSnapshot.Entry s = entries.get(i);
      // Traffic sources serve nothing; what they sent is their tier's work.
      if (s.kind() == Series.Kind.EDGE) {
        continue;
      }
      Histogram h = stats.histogram(i);
      merged.merge(
          s.tier(),
          h,
          (a, b) -> {
            a.add(b);
            return a;
          });
      long[] c = counts.computeIfAbsent(s.tier(), t -> new long[2]);
      c[0] += s.count();
      c[1] += s.errors();
    }
    Map<String, TierTotals> out = new LinkedHashMap<>();
    for (String tier : instancesPerTier.keySet()) {
      Histogram h = merged.get(tier);
      long[] c = counts.getOrDefault(tier, new long[2]);
      out.put(
          tier,
          new TierTotals(
              tier,
              instancesPerTier.get(tier),
              c[0],
              c[1],
              h == null ? 0 : StatsSnapshot.millis(h.getValueAtPercentile(50)),
              h == null ? 0 : StatsSnapshot.millis(h.getValueAtPercentile(99))));
    }
    return out;
  }
}
