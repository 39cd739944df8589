package io.simianviz.local;

import io.simianviz.service.stats.Series;
import io.simianviz.service.stats.SeriesStats;
import io.simianviz.service.stats.StatsRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Every series of a run read once, at the end of the measured window: summary.json, the console's
 * table, histograms.txt and histograms.csv are all written from one snapshot, so they report the
 * same counts.
 */
final class StatsSnapshot {
  /** One series: its counts and a copy of its histogram (microseconds), read together. */
  record Entry(
      Series.Kind kind, String tier, String detail, String name, long count, long errors) {}

  private final List<Entry> entries;
  private final List<Histogram> histograms;

  private StatsSnapshot(List<Entry> entries, List<Histogram> histograms) {
    this.entries = List.copyOf(entries);
    this.histograms = List.copyOf(histograms);
  }

  /** Reads every series of {@code stats}, in name order. */
  static StatsSnapshot of(StatsRegistry stats) {
    List<Entry> entries = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    for (SeriesStats s : stats.snapshot()) {
      Series series = stats.series(s.kind(), s.tier(), s.detail());
      histograms.add(series.histogram());
      entries.add(
          new Entry(
              s.kind(), s.tier(), s.detail(), series.name(), series.count(), series.errors()));
    }
    return new StatsSnapshot(entries, histograms);
  }

  List<Entry> entries() {
    return entries;
  }

  /** A copy of entry {@code i}'s histogram, for the caller to merge into or change. */
  Histogram histogram(int i) {
    return histograms.get(i).copy();
  }

  /** The sum of the counts of every series of this kind. */
  long count(Series.Kind kind) {
    return entries.stream().filter(e -> e.kind() == kind).mapToLong(Entry::count).sum();
  }

  /** The sum of the errors of every series of this kind. */
  long errors(Series.Kind kind) {
    return entries.stream().filter(e -> e.kind() == kind).mapToLong(Entry::errors).sum();
  }

  /** The histograms of every series of this kind merged, or null when there is none. */
  Histogram merged(Series.Kind kind) {
    Histogram all = null;
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).kind() == kind) {
        if (all == null) {
          all = histogram(i);
        } else {
          all.add(histograms.get(i));
        }
      }
    }
    return all;
  }

  /** histograms.txt: each series' percentile table in milliseconds, as {@code /histogram}. */
  String histogramTable() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        out.printf(
            Locale.ROOT,
            "# %s  count=%d errors=%d (milliseconds)%n",
            e.name(),
            e.count(),
            e.errors());
        Histogram h = histogram(i);
        if (h.getTotalCount() > 0) {
          h.outputPercentileDistribution(out, 2, 1000.0);
        }
        out.println();
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** histograms.csv: one line per series, latencies in milliseconds. */
  String csv() {
    StringBuilder csv =
        new StringBuilder("series,kind,tier,detail,count,errors,p50ms,p90ms,p99ms,p999ms,maxms\n");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Histogram h = histograms.get(i);
      csv.append(
              String.join(
                  ",",
                  quote(e.name()),
                  e.kind().name().toLowerCase(Locale.ROOT),
                  quote(e.tier()),
                  quote(e.detail()),
                  Long.toString(e.count()),
                  Long.toString(e.errors()),
                  Double.toString(millis(h.getValueAtPercentile(50))),
                  Double.toString(millis(h.getValueAtPercentile(90))),
                  Double.toString(millis(h.getValueAtPercentile(99))),
                  Double.toString(millis(h.getValueAtPercentile(99.9))),
                  Double.toString(millis(h.getMaxValue()))))
          .append('\n');
    }
    return csv.toString();
  }

  static double millis(long micros) {
    return micros / 1000.0;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
