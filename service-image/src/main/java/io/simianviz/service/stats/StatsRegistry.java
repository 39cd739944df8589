package io.simianviz.service.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every latency series of one process. In the local runtime all instances of a tier share their
 * series (one histogram per tier and op, not per instance: thousands of instances would otherwise
 * cost gigabytes), which is also what spigo reported. Each instance's own figures for Prometheus
 * are in its {@link InstanceMetrics}.
 */
public final class StatsRegistry {
  private final Map<String, Series> series = new ConcurrentHashMap<>();

  public Series series(Series.Kind kind, String tier, String detail) {
    String key = kind.name() + "\u0000" + tier + "\u0000" + detail;
    Series s = series.get(key);
    return s != null ? s : series.computeIfAbsent(key, k -> new Series(kind, tier, detail));
  }

  /**
   * Forgets what every series recorded (the end of a warm-up); the instances' Prometheus histograms
   * keep counting, as Prometheus counters must.
   */
  public void reset() {
    series.values().forEach(Series::reset);
  }

  /** Snapshots of every series, sorted by name. */
  public List<SeriesStats> snapshot() {
    return series.values().stream()
        .map(Series::stats)
        .sorted(Comparator.comparing(SeriesStats::name))
        .toList();
  }

  /** The {@code /stats} document. */
  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    snapshot().forEach(s -> array.add(s.toJson()));
    return new JsonObject().put("unit", "ms").put("series", array);
  }

  /** The {@code /histogram} text: each series' percentile table in milliseconds. */
  public String histogramTable() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      series.values().stream()
          .sorted(Comparator.comparing(Series::name))
          .forEach(
              s -> {
                out.printf(
                    "# %s  count=%d errors=%d (milliseconds)%n", s.name(), s.count(), s.errors());
                var h = s.histogram();
                if (h.getTotalCount() > 0) {
                  h.outputPercentileDistribution(out, 2, 1000.0);
                }
                out.println();
              });
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
