package io.simianviz.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.simianviz.service.Nanoservice;
import io.simianviz.service.Series;
import io.simianviz.service.StatsRegistry;
import io.simianviz.service.TrafficSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a local run measured: summary.json, histograms.txt/.csv and the console's final table.
 *
 * @param startupS seconds until every instance was up
 * @param hops calls between two instances (every edge, the traffic sources' included)
 * @param warmupS seconds of traffic before the measured period, left out of every figure
 * @param hopsPerSecond hops over the measured period (after start-up and warm-up)
 * @param cpuS CPU seconds the whole process spent in the measured period (user and kernel)
 * @param cpuMicrosPerHop cpuS per hop of the measured period, in microseconds
 */
record RunReport(
    String arch,
    int instances,
    double durationS,
    double startupS,
    double warmupS,
    long hops,
    double hopsPerSecond,
    double cpuS,
    double cpuMicrosPerHop,
    long requests,
    long errors,
    double successRate,
    double p50Ms,
    double p99Ms,
    List<TierTotals> tiers,
    List<ChaosEvent> chaos) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Traffic totals across every traffic source; percentiles from their merged histograms. */
  static RunReport of(LocalRun run, List<Nanoservice> sources) {
    Histogram all = null;
    long requests = 0;
    long errors = 0;
    for (Nanoservice s : sources) {
      TrafficSource t = s.traffic();
      TrafficSource.Summary summary = t.summary();
      requests += summary.requests();
      errors += summary.errors();
    }
    StatsRegistry stats = run.node().stats();
    long hops = 0;
    for (var series : stats.snapshot()) {
      if (series.kind() == Series.Kind.EDGE) {
        hops += series.count();
      }
      if (series.kind() == Series.Kind.TRAFFIC) {
        Histogram h = stats.series(series.kind(), series.tier(), series.detail()).histogram();
        if (all == null) {
          all = h;
        } else {
          all.add(h);
        }
      }
    }
    Map<String, Integer> perTier = new LinkedHashMap<>();
    run.topology().byTier().forEach((tier, list) -> perTier.put(tier, list.size()));
    Map<String, TierTotals> tiers = TierTotals.of(stats, perTier);
    double elapsedS = run.elapsedMillis() / 1000.0;
    double startupS = run.startupMillis() / 1000.0;
    double measuredFromS = run.measuredFromMillis() / 1000.0;
    double trafficS = elapsedS - measuredFromS;
    double cpuS = run.measuredCpuNanos() / 1e9;
    double measuredHops = trafficS > 0 ? hops : 0;
    return new RunReport(
        run.architecture().name(),
        run.totalInstances(),
        elapsedS,
        startupS,
        Math.max(0, measuredFromS - startupS),
        hops,
        trafficS > 0 ? hops / trafficS : 0,
        cpuS,
        measuredHops > 0 ? cpuS * 1e6 / measuredHops : 0,
        requests,
        errors,
        requests == 0 ? 0 : 100.0 * (requests - errors) / requests,
        all == null ? 0 : all.getValueAtPercentile(50) / 1000.0,
        all == null ? 0 : all.getValueAtPercentile(99) / 1000.0,
        List.copyOf(tiers.values()),
        run.chaosEvents());
  }

  void write(Path out, StatsRegistry stats) throws IOException {
    JSON.writeValue(out.resolve("summary.json").toFile(), this);
    Files.writeString(out.resolve("histograms.txt"), stats.histogramTable());
    StringBuilder csv =
        new StringBuilder("series,kind,tier,detail,count,errors,p50ms,p90ms,p99ms,p999ms,maxms\n");
    for (var s : stats.snapshot()) {
      csv.append(
              String.join(
                  ",",
                  quote(s.name()),
                  s.kind().name().toLowerCase(Locale.ROOT),
                  quote(s.tier()),
                  quote(s.detail()),
                  Long.toString(s.count()),
                  Long.toString(s.errors()),
                  Double.toString(s.p50()),
                  Double.toString(s.p90()),
                  Double.toString(s.p99()),
                  Double.toString(s.p999()),
                  Double.toString(s.max())))
          .append('\n');
    }
    Files.writeString(out.resolve("histograms.csv"), csv);
  }

  void print(PrintStream out) {
    out.printf(
        "%s: %d instances up in %.2f s, %.1f s, %d requests, %d errors, success %.2f%%, p50 %.2f ms,"
            + " p99 %.2f ms, %d chaos kills, %d hops (%.0f/s, %.0f us of CPU each)%n",
        arch,
        instances,
        startupS,
        durationS,
        requests,
        errors,
        successRate,
        p50Ms,
        p99Ms,
        chaos.size(),
        hops,
        hopsPerSecond,
        cpuMicrosPerHop);
    out.printf(
        "  %-24s %9s %10s %8s %9s %9s%n",
        "tier", "instances", "requests", "errors", "p50 ms", "p99 ms");
    for (TierTotals t : tiers) {
      out.printf(
          "  %-24s %9d %10d %8d %9.2f %9.2f%n",
          t.name(), t.instances(), t.requests(), t.errors(), t.p50Ms(), t.p99Ms());
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
