package io.simianviz.service.stats;

import io.simianviz.service.InstanceConfig;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one instance measures, and its {@code /metrics}. Each measurement goes to two places: the
 * {@link Series} of the instance's tier in the process's {@link StatsRegistry} (shared by every
 * instance of the tier in the local runtime; {@code /stats} and {@code /histogram} show those), and
 * a {@link LatencyHistogram} of this instance alone, which only this instance's {@code /metrics}
 * serves, labelled with its architecture, region, zone, tier and name. Scraping every instance so
 * counts each request once, and the histograms of any set of instances add up.
 *
 * <p>The text is Prometheus' exposition format 0.0.4. Per kind of series (service, edge, traffic)
 * three families: the counters {@code simianviz_<kind>_requests_total} and {@code
 * simianviz_<kind>_errors_total}, and the histogram {@code simianviz_<kind>_latency_seconds}, whose
 * buckets go from 100 µs to 10 s. A kind this instance has not recorded yet is left out.
 */
public final class InstanceMetrics {
  /** How an instance's series are named and described, per kind. */
  private record Naming(
      String prefix, String label, String requests, String errors, String latency) {}

  private static final Map<Series.Kind, Naming> NAMING =
      new EnumMap<>(
          Map.of(
              Series.Kind.SERVICE,
              new Naming(
                  "simianviz_service",
                  "op",
                  "Requests this instance served, failed or not, by op (INVALID: could not be read).",
                  "Requests this instance answered with a status of 400 or more, by op.",
                  "Time from a request's arrival at this instance to its reply, by op."),
              Series.Kind.EDGE,
              new Naming(
                  "simianviz_edge",
                  "to",
                  "Calls this instance made to the tier named by to; a retried call counts once.",
                  "Calls to the tier named by to that failed (status 500 or more) after any retries.",
                  "Response time of this instance's calls to the tier named by to, retries included."),
              Series.Kind.TRAFFIC,
              new Naming(
                  "simianviz_traffic",
                  "op",
                  "Requests of this traffic source that have ended, failed or not, by op.",
                  "Requests of this traffic source that failed (status 500 or more), by op.",
                  "End-to-end time of this traffic source's requests from their intended start, by op.")));

  /** The {@code le} label of each bucket, in seconds, following the series' other labels. */
  private static final String[] LE_LABELS = new String[LatencyHistogram.BOUNDS_MICROS.length + 1];

  static {
    for (int i = 0; i < LE_LABELS.length; i++) {
      String le =
          i < LatencyHistogram.BOUNDS_MICROS.length
              ? seconds(LatencyHistogram.BOUNDS_MICROS[i])
              : "+Inf";
      LE_LABELS[i] = "," + label("le", le);
    }
  }

  /** One series of this instance: where each of its measurements goes. */
  public static final class Timing {
    private final String detail;
    private final Series series;
    private final LatencyHistogram histogram = new LatencyHistogram();

    private Timing(String detail, Series series) {
      this.detail = detail;
      this.series = series;
    }

    /** Counts one request into the tier's series and this instance's histogram. */
    public void record(long micros, boolean error) {
      series.record(micros, error);
      histogram.record(micros, error);
    }
  }

  private final StatsRegistry stats;
  private final String tier;

  /** The labels every series of this instance has, rendered once. */
  private final String labels;

  private final Map<Series.Kind, Map<String, Timing>> timings = new EnumMap<>(Series.Kind.class);

  /** The edge timing asked for last: a racy cache, any value it holds is a right one. */
  private Timing lastEdge;

  public InstanceMetrics(StatsRegistry stats, InstanceConfig config) {
    this.stats = stats;
    this.tier = config.tier();
    this.labels =
        label("architecture", config.arch())
            + ","
            + label("region", config.region())
            + ","
            + label("zone", config.zone())
            + ","
            + label("tier", config.tier())
            + ","
            + label("instance", config.name());
    for (Series.Kind kind : Series.Kind.values()) {
      timings.put(kind, new ConcurrentHashMap<>());
    }
  }

  /**
   * What this instance has served so far, every op together: requests, errors, and the latency
   * buckets' cumulative counts (a canary is judged by its own figures).
   */
  public LatencyHistogram.Snapshot served() {
    return LatencyHistogram.Snapshot.sum(
        timings.get(Series.Kind.SERVICE).values().stream()
            .map(t -> t.histogram.snapshot())
            .toList());
  }

  /** The service time of the requests this instance serves, per op. */
  public Timing service(String op) {
    return timing(Series.Kind.SERVICE, op);
  }

  /**
   * The response time of this instance's calls to a tier. Asked on every call, mostly for the same
   * tier as the call before (most tiers call one), so the last answer is kept at hand.
   */
  public Timing edge(String calledTier) {
    Timing last = lastEdge;
    if (last != null && last.detail.equals(calledTier)) {
      return last;
    }
    Timing t = timing(Series.Kind.EDGE, calledTier);
    lastEdge = t;
    return t;
  }

  /** The end-to-end time of this traffic source's requests, per op. */
  public Timing traffic(String op) {
    return timing(Series.Kind.TRAFFIC, op);
  }

  private Timing timing(Series.Kind kind, String detail) {
    Map<String, Timing> byDetail = timings.get(kind);
    // Looked up on every request; created once per op or called tier.
    Timing t = byDetail.get(detail);
    return t != null
        ? t
        : byDetail.computeIfAbsent(detail, d -> new Timing(d, stats.series(kind, tier, d)));
  }

  /** The {@code /metrics} text: this instance's series only. */
  public String scrape() {
    StringBuilder out = new StringBuilder(1024);
    for (Map.Entry<Series.Kind, Map<String, Timing>> e : timings.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      Naming naming = NAMING.get(e.getKey());
      // Each series' labels and counts, read once for its three families, in a stable order.
      Map<String, LatencyHistogram.Snapshot> rows = new TreeMap<>();
      e.getValue()
          .forEach(
              (detail, t) ->
                  rows.put(labels + "," + label(naming.label(), detail), t.histogram.snapshot()));
      out.ensureCapacity(
          out.length() + rows.size() * (LE_LABELS.length + 4) * (labels.length() + 80));

      String requests = naming.prefix() + "_requests_total";
      header(out, requests, "counter", naming.requests());
      rows.forEach((series, s) -> sample(out, requests, series, "", s.count()));

      String errors = naming.prefix() + "_errors_total";
      header(out, errors, "counter", naming.errors());
      rows.forEach((series, s) -> sample(out, errors, series, "", s.errors()));

      String latency = naming.prefix() + "_latency_seconds";
      String bucket = latency + "_bucket";
      header(out, latency, "histogram", naming.latency());
      rows.forEach(
          (series, s) -> {
            for (int i = 0; i < s.buckets(); i++) {
              sample(out, bucket, series, LE_LABELS[i], s.cumulative(i));
            }
            out.append(latency)
                .append("_sum{")
                .append(series)
                .append("} ")
                .append(seconds(s.sumMicros()))
                .append('\n');
            sample(out, latency + "_count", series, "", s.count());
          });
    }
    return out.toString();
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(
      StringBuilder out, String name, String labels, String more, long value) {
    out.append(name)
        .append('{')
        .append(labels)
        .append(more)
        .append("} ")
        .append(value)
        .append('\n');
  }

  /** {@code name="value"}, the value escaped; a missing value is empty. */
  private static String label(String name, String given) {
    String value = given == null ? "" : given;
    StringBuilder out = new StringBuilder(name.length() + value.length() + 3);
    out.append(name).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Microseconds as seconds, exactly and without an exponent: 250 is "0.00025". */
  private static String seconds(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
  }
}
