package io.simianviz.service.stats;

import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.Fleet;
import io.simianviz.service.InstanceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InstanceMetricsTest {
  private static final String LABELS =
      "architecture=\"test\",region=\"us-east-1\",zone=\"zoneA\",tier=\"db\",instance=\"db-1\"";

  private final StatsRegistry stats = new StatsRegistry();
  private final InstanceMetrics metrics = new InstanceMetrics(stats, Fleet.named(db(), "db-1"));

  @Test
  void latenciesAreHistogramsWithServiceLevelBucketsFrom100MicrosecondsTo10Seconds() {
    InstanceMetrics.Timing gets = metrics.service("GET");
    for (long micros : new long[] {50, 100, 101, 2_500, 2_501, 10_000_000, 10_000_001}) {
      gets.record(micros, false);
    }
    gets.record(999, true);

    String text = metrics.scrape();

    assertThat(text)
        .contains(
            "# TYPE simianviz_service_latency_seconds histogram\n",
            "simianviz_service_latency_seconds_bucket{" + LABELS + ",op=\"GET\",le=\"0.0001\"} 2\n",
            "simianviz_service_latency_seconds_bucket{"
                + LABELS
                + ",op=\"GET\",le=\"0.00025\"} 3\n",
            "simianviz_service_latency_seconds_bucket{" + LABELS + ",op=\"GET\",le=\"0.001\"} 4\n",
            "simianviz_service_latency_seconds_bucket{" + LABELS + ",op=\"GET\",le=\"0.0025\"} 5\n",
            "simianviz_service_latency_seconds_bucket{" + LABELS + ",op=\"GET\",le=\"0.005\"} 6\n",
            "simianviz_service_latency_seconds_bucket{" + LABELS + ",op=\"GET\",le=\"5\"} 6\n",
            "simianviz_service_latency_seconds_bucket{" + LABELS + ",op=\"GET\",le=\"10\"} 7\n",
            "simianviz_service_latency_seconds_bucket{" + LABELS + ",op=\"GET\",le=\"+Inf\"} 8\n",
            "simianviz_service_latency_seconds_sum{" + LABELS + ",op=\"GET\"} 20.006252\n",
            "simianviz_service_latency_seconds_count{" + LABELS + ",op=\"GET\"} 8\n",
            "simianviz_service_requests_total{" + LABELS + ",op=\"GET\"} 8\n",
            "simianviz_service_errors_total{" + LABELS + ",op=\"GET\"} 1\n");
    assertThat(boundaries(text, "simianviz_service_latency_seconds"))
        .containsExactly(
            "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
            "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf");
  }

  @Test
  void eachKindHasItsFamiliesWithHelpAndOnlyOnceItIsRecorded() {
    assertThat(metrics.scrape()).isEmpty();

    metrics.service("PUT").record(1_000, false);
    metrics.edge("cache").record(2_000, true);
    metrics.traffic("GET").record(3_000, false);
    String text = metrics.scrape();

    for (String kind : List.of("service", "edge", "traffic")) {
      String prefix = "simianviz_" + kind;
      assertThat(text)
          .containsPattern(
              "# HELP "
                  + prefix
                  + "_requests_total \\S.*\n# TYPE "
                  + prefix
                  + "_requests_total counter\n")
          .containsPattern(
              "# HELP "
                  + prefix
                  + "_errors_total \\S.*\n# TYPE "
                  + prefix
                  + "_errors_total counter\n")
          .containsPattern(
              "# HELP "
                  + prefix
                  + "_latency_seconds \\S.*\n# TYPE "
                  + prefix
                  + "_latency_seconds histogram\n");
    }
    assertThat(text)
        .contains("simianviz_edge_errors_total{" + LABELS + ",to=\"cache\"} 1\n")
        .contains("simianviz_traffic_latency_seconds_count{" + LABELS + ",op=\"GET\"} 1\n")
        .doesNotContain("quantile");
  }

  @Test
  void theTiersSeriesCountEveryInstanceAndEachInstanceOnlyItself() {
    InstanceMetrics other = new InstanceMetrics(stats, Fleet.named(db(), "db-2"));

    metrics.service("GET").record(1_000, false);
    other.service("GET").record(1_000, false);
    other.service("GET").record(1_000, false);

    assertThat(stats.series(Series.Kind.SERVICE, "db", "GET").count()).isEqualTo(3);
    assertThat(metrics.scrape())
        .contains("simianviz_service_requests_total{" + LABELS + ",op=\"GET\"} 1\n")
        .doesNotContain("db-2");
    assertThat(other.scrape())
        .contains(
            "simianviz_service_requests_total{"
                + LABELS.replace("db-1", "db-2")
                + ",op=\"GET\"} 2\n")
        .doesNotContain("db-1");
  }

  @Test
  void labelValuesAreEscaped() {
    InstanceMetrics odd = new InstanceMetrics(stats, Fleet.named(db(), "a\"b\\c\nd"));
    odd.service("GET").record(1, false);

    assertThat(odd.scrape()).contains("instance=\"a\\\"b\\\\c\\nd\"");
  }

  private static InstanceConfig db() {
    return Fleet.config("db", STORE, "zoneA");
  }

  /** The {@code le} of each bucket of the first series of a histogram, in order. */
  static List<String> boundaries(String text, String histogram) {
    Matcher m =
        Pattern.compile("^" + histogram + "_bucket\\{([^}]*),le=\"([^\"]+)\"} ", Pattern.MULTILINE)
            .matcher(text);
    String first = null;
    List<String> out = new ArrayList<>();
    while (m.find()) {
      if (first == null) {
        first = m.group(1);
      }
      if (m.group(1).equals(first)) {
        out.add(m.group(2));
      }
    }
    return out;
  }
}
