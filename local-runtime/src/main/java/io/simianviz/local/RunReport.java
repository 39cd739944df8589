package io.simianviz.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.simianviz.local.chaos.ChaosEvent;
import io.simianviz.local.chaos.ExperimentSummary;
import io.simianviz.local.evolution.StepSummary;
import io.simianviz.service.stats.Series;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a local run measured: summary.json, histograms.txt/.csv and the console's final table.
 *
 * @param durationS seconds of the measured window: from the end of start-up (or of the warm-up)
 *     until the traffic stopped
 * @param startupS seconds until every instance was up
 * @param hops calls between two instances (every edge, the traffic sources' included)
 * @param warmupS seconds of traffic before the measured period, left out of every figure
 * @param hopsPerSecond hops over the measured period (after start-up and warm-up)
 * @param cpuS CPU seconds the whole process spent in the measured period (user and kernel)
 * @param cpuMicrosPerHop cpuS per hop of the measured period, in microseconds
 * @param experiments the chaos experiments ({@code --experiment}): each one's status, as a
 *     cluster's ChaosExperiment shows it
 * @param steps the versions applied while it ran (a folder, --watch): each one's transition and
 *     window figures; step 0 is the version it started with
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
    List<ChaosEvent> chaos,
    List<ExperimentSummary> experiments,
    List<StepSummary> steps) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The figures of the measured window, all from one snapshot of the statistics taken after the
   * traffic stopped and every request it sent was answered ({@link LocalRun#finishTraffic}): the
   * traffic totals are the traffic sources' series, so they match the histograms and the tier table
   * request for request.
   */
  static RunReport of(LocalRun run, StatsSnapshot stats) {
    return of(run, stats, List.of(), List.of());
  }

  /** As {@link #of(LocalRun, StatsSnapshot)}, with the chaos experiments' outcomes. */
  static RunReport of(
      LocalRun run,
      StatsSnapshot stats,
      List<ExperimentSummary> experiments,
      List<StepSummary> steps) {
    long requests = stats.count(Series.Kind.TRAFFIC);
    long errors = stats.errors(Series.Kind.TRAFFIC);
    long hops = stats.count(Series.Kind.EDGE);
    Histogram all = stats.merged(Series.Kind.TRAFFIC);
    Map<String, Integer> perTier = new LinkedHashMap<>();
    run.topology().byTier().forEach((tier, list) -> perTier.put(tier, list.size()));
    Map<String, TierTotals> tiers = TierTotals.of(stats, perTier);
    double measuredS = run.clock().measuredMillis() / 1000.0;
    double startupS = run.clock().startupMillis() / 1000.0;
    double measuredFromS = run.clock().measuredFromMillis() / 1000.0;
    double cpuS = run.clock().measuredCpuNanos() / 1e9;
    double measuredHops = measuredS > 0 ? hops : 0;
    return new RunReport(
        run.architecture().name(),
        run.totalInstances(),
        measuredS,
        startupS,
        Math.max(0, measuredFromS - startupS),
        hops,
        measuredS > 0 ? hops / measuredS : 0,
        cpuS,
        measuredHops > 0 ? cpuS * 1e6 / measuredHops : 0,
        requests,
        errors,
        requests == 0 ? 0 : 100.0 * (requests - errors) / requests,
        all == null ? 0 : StatsSnapshot.millis(all.getValueAtPercentile(50)),
        all == null ? 0 : StatsSnapshot.millis(all.getValueAtPercentile(99)),
        List.copyOf(tiers.values()),
        run.chaosEvents(),
        List.copyOf(experiments),
        List.copyOf(steps));
  }

  /** summary.json, histograms.txt and histograms.csv, from the same snapshot as this report. */
  void write(Path out, StatsSnapshot stats) throws IOException {
    JSON.writeValue(out.resolve("summary.json").toFile(), this);
    Files.writeString(out.resolve("histograms.txt"), stats.histogramTable());
    Files.writeString(out.resolve("histograms.csv"), stats.csv());
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
    for (StepSummary s : steps) {
      out.println("  " + s.line());
    }
  }
}
