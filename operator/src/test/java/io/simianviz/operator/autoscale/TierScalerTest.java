package io.simianviz.operator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.evolution.AutoscalePolicy;
import io.simianviz.model.evolution.AutoscalePolicy.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The measure and the decision, with readings at chosen instants. */
class TierScalerTest {
  private static final AutoscalePolicy REQUESTS =
      new AutoscalePolicy(2, 12, 50, Metric.REQUESTS_PER_INSTANCE, Duration.ofSeconds(60), 0.1);

  private static ServedFigures served(long requests) {
    return new ServedFigures(
        requests, 0, new TreeMap<>(Map.of(0.01, requests, Double.POSITIVE_INFINITY, requests)));
  }

  private static TierScaler startingAt(int current) {
    return new TierScaler(new TierScale("node", current, current, null, null), 0);
  }

  @Test
  void theFirstReadingMeasuresNothingAndChangesNothing() {
    TierScale s = startingAt(2).step(REQUESTS, Map.of("p1", served(0)), 0, 2);
    assertThat(s).isEqualTo(new TierScale("node", 2, 2, null, null));
  }

  @Test
  void moreRequestsScaleUpAtOnceAndFewerOnlyAfterTheWindow() {
    TierScaler scaler = startingAt(2);
    scaler.step(REQUESTS, Map.of("p1", served(0), "p2", served(0)), 0, 2);
    // two pods, 3,000 requests each in 15 s: 400/s over 2 instances, four times the target
    TierScale up = scaler.step(REQUESTS, Map.of("p1", served(3000), "p2", served(3000)), 15_000, 2);
    assertThat(up.current()).isEqualTo(8);
    assertThat(up.lastChange()).isEqualTo(Instant.ofEpochMilli(15_000));
    assertThat(up.reason())
        .isEqualTo(
            "2 -> 8 instances per region (requests/s per instance 200.0, target 50.0, bounds"
                + " 2..12)");

    // the load falls to 100/s over 8 instances, 12.5 each: recommended 2, held while the 8 of
    // 15 s is in the 60 s window
    long at = 15_000;
    long count = 3000;
    for (int i = 0; i < 3; i++) {
      at += 15_000;
      count += 750;
      TierScale held =
          scaler.step(REQUESTS, Map.of("p1", served(count), "p2", served(count)), at, 8);
      assertThat(held.recommended()).isEqualTo(2);
      assertThat(held.current()).isEqualTo(8);
      assertThat(held.lastChange()).isEqualTo(Instant.ofEpochMilli(15_000));
    }
    at += 15_000;
    count += 750;
    TierScale down = scaler.step(REQUESTS, Map.of("p1", served(count), "p2", served(count)), at, 8);
    assertThat(down.current()).isEqualTo(2);
  }

  @Test
  void neverBeyondMaxNorBelowMin() {
    TierScaler scaler = startingAt(2);
    scaler.step(REQUESTS, Map.of("p1", served(0)), 0, 2);
    assertThat(scaler.step(REQUESTS, Map.of("p1", served(1_000_000)), 1_000, 2).current())
        .isEqualTo(12);
    TierScaler idle = startingAt(3);
    idle.step(REQUESTS, Map.of("p1", served(10)), 0, 3);
    assertThat(idle.step(REQUESTS, Map.of("p1", served(10)), 61_000, 3).recommended()).isEqualTo(2);
  }

  @Test
  void aRestartedPodIsNotReadAsNegativeTraffic() {
    TierScaler scaler = startingAt(4);
    scaler.step(REQUESTS, Map.of("p1", served(10_000)), 0, 4);
    TierScale s = scaler.step(REQUESTS, Map.of("p1", served(5)), 15_000, 4);
    assertThat(s.current()).isEqualTo(4);
    assertThat(s.recommended()).isEqualTo(4); // nothing measured: the count stays
  }

  @Test
  void aP99AboveTheTargetAddsInstances() {
    AutoscalePolicy p99 =
        new AutoscalePolicy(1, 10, 20, Metric.P99_MS, Duration.ofSeconds(60), 0.1);
    TierScaler scaler = startingAt(2);
    scaler.step(p99, Map.of("p1", served(0)), 0, 2);
    TreeMap<Double, Long> slow = new TreeMap<>();
    slow.put(0.01, 0L);
    slow.put(0.05, 100L);
    slow.put(Double.POSITIVE_INFINITY, 100L);
    // rank 99 of 100 in (10 ms, 50 ms]: 10 + 40 x 0.99 = 49.6 ms, about 2.5 times the target
    TierScale s = scaler.step(p99, Map.of("p1", new ServedFigures(100, 0, slow)), 10_000, 2);
    assertThat(s.current()).isEqualTo(5);
  }
}
