package io.simianviz.service.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
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
 * cost gigabytes), which is also what spigo reported. Each series is mirrored into Micrometer.
 */
public final class StatsRegistry {
  private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};

  private final Map<String, Series> series = new ConcurrentHashMap<>();
  private final MeterRegistry meters;

  /**
   * @param meters where to mirror the series, or null
   */
  public StatsRegistry(MeterRegistry meters) {
    this.meters = meters;
  }

  public Series series(Series.Kind kind, String tier, String detail) {
    String key = kind.ordinal() + "\u0000" + tier + "\u0000" + detail;
    Series s = series.get(key);
    return s != null ? s : series.computeIfAbsent(key, k -> bind(new Series(kind, tier, detail)));
  }

  /** Snapshots of every series, sorted by name. */
  /**
   * Forgets what every series recorded (the end of a warm-up); the Prometheus meters keep counting.
   */
  public void reset() {
    series.values().forEach(Series::reset);
  }

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

  private Series bind(Series s) {
    if (meters == null) {
      return s;
    }
    // Prometheus wants one label set per metric name, so each kind of series gets its own names.
    String prefix = "simianviz_" + s.kind().name().toLowerCase(java.util.Locale.ROOT);
    Tags tags = Tags.of("tier", s.tier(), s.kind() == Series.Kind.EDGE ? "to" : "op", s.detail());
    FunctionCounter.builder(prefix + "_requests", s, Series::count).tags(tags).register(meters);
    FunctionCounter.builder(prefix + "_errors", s, Series::errors).tags(tags).register(meters);
    for (double q : QUANTILES) {
      Gauge.builder(
              prefix + "_latency_seconds",
              s,
              x -> x.histogram().getValueAtPercentile(q * 100) / 1_000_000.0)
          .tags(tags.and("quantile", Double.toString(q)))
          .register(meters);
    }
    return s;
  }
}
