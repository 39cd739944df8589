package io.simianviz.operator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ServedFiguresTest {
  /** Two ops of one pod, as the nanoservice's /metrics writes them (buckets shortened). */
  static String metrics(long get, long put, long fastGet, long fastPut) {
    String labels = "architecture=\"a\",region=\"r\",zone=\"z\",tier=\"node\",instance=\"node-1\"";
    return """
        # HELP simianviz_service_requests_total Requests served.
        # TYPE simianviz_service_requests_total counter
        simianviz_service_requests_total{%1$s,op="GET"} %2$d
        simianviz_service_requests_total{%1$s,op="PUT"} %3$d
        simianviz_service_latency_seconds_bucket{%1$s,op="GET",le="0.001"} %4$d
        simianviz_service_latency_seconds_bucket{%1$s,op="GET",le="0.01"} %2$d
        simianviz_service_latency_seconds_bucket{%1$s,op="GET",le="+Inf"} %2$d
        simianviz_service_latency_seconds_bucket{%1$s,op="PUT",le="0.001"} %5$d
        simianviz_service_latency_seconds_bucket{%1$s,op="PUT",le="0.01"} %3$d
        simianviz_service_latency_seconds_bucket{%1$s,op="PUT",le="+Inf"} %3$d
        simianviz_edge_requests_total{%1$s,to="db"} 999
        """
        .formatted(labels, get, put, fastGet, fastPut);
  }

  @Test
  void theServiceSeriesAreSummedOverOpsAndOtherSeriesIgnored() {
    ServedFigures f = ServedFigures.parse(metrics(100, 20, 90, 10));
    assertThat(f.requests()).isEqualTo(120);
    assertThat(f.buckets())
        .containsExactly(
            Map.entry(0.001, 100L),
            Map.entry(0.01, 120L),
            Map.entry(Double.POSITIVE_INFINITY, 120L));
  }

  @Test
  void twoReadingsGiveTheIntervalBetweenThem() {
    ServedFigures before = ServedFigures.parse(metrics(100, 20, 90, 10));
    ServedFigures after = ServedFigures.parse(metrics(160, 20, 100, 10));
    assertThat(after.follows(before)).isTrue();
    assertThat(before.follows(after)).isFalse(); // a restarted pod's counters start again
    ServedFigures interval = after.since(before);
    assertThat(interval.requests()).isEqualTo(60);
    assertThat(interval.buckets().get(0.001)).isEqualTo(10);
    assertThat(interval.plus(interval).requests()).isEqualTo(120);
  }

  @Test
  void aValueThatIsNoNumberNamesTheLine() {
    assertThatThrownBy(() -> ServedFigures.parse("simianviz_service_requests_total{op=\"GET\"} x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"x\"")
        .hasMessageContaining("simianviz_service_requests_total");
  }

  @Test
  void theP99IsInterpolatedInItsBucketAsHistogramQuantileDoes() {
    TreeMap<Double, Long> buckets = new TreeMap<>();
    buckets.put(0.01, 0L);
    buckets.put(0.02, 50L);
    buckets.put(0.05, 100L);
    buckets.put(Double.POSITIVE_INFINITY, 100L);
    // rank 99 of 100 lies in (20 ms, 50 ms], 49 of its 50: 20 + 30 x 49/50 = 49.4 ms
    assertThat(LatencyQuantile.millis(0.99, buckets)).isCloseTo(49.4, within(1e-9));
    buckets.put(Double.POSITIVE_INFINITY, 200L);
    assertThat(LatencyQuantile.millis(0.99, buckets)).isEqualTo(50.0); // beyond the last bound
    assertThat(LatencyQuantile.millis(0.99, new TreeMap<>(Map.of(0.01, 0L)))).isNaN();
  }
}
