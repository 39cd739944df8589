package io.simianviz.operator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.simianviz.model.chaos.WindowFigures;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A canary interval's figures from two readings of its pods' /metrics. */
class ServedWindowTest {
  /** A pod that served {@code requests}, {@code errors} of them failed, all within 10 ms. */
  private static ServedFigures pod(long requests, long errors) {
    return new ServedFigures(
        requests,
        errors,
        new TreeMap<>(Map.of(0.01, requests, Double.POSITIVE_INFINITY, requests)));
  }

  @Test
  void theErrorsCounterIsReadAndSummedOverOps() {
    String text =
        ServedFiguresTest.metrics(100, 20, 90, 10)
            + "simianviz_service_errors_total{op=\"GET\"} 7\n"
            + "simianviz_service_errors_total{op=\"PUT\"} 3\n";
    ServedFigures f = ServedFigures.parse(text);
    assertThat(f.requests()).isEqualTo(120);
    assertThat(f.errors()).isEqualTo(10);
  }

  @Test
  void theIntervalSumsWhatEachPodServedBetweenItsTwoReadings() {
    WindowFigures w =
        ServedWindow.of(
            Map.of("p1", pod(100, 0), "p2", pod(50, 5)),
            Map.of("p1", pod(180, 20), "p2", pod(70, 5)),
            1_000,
            6_000);

    assertThat(w.fromMillis()).isEqualTo(1_000);
    assertThat(w.toMillis()).isEqualTo(6_000);
    assertThat(w.requests()).isEqualTo(100);
    assertThat(w.errors()).isEqualTo(20);
    assertThat(w.answered()).isEqualTo(80);
    assertThat(w.lost()).isZero();
    assertThat(w.successRate()).isCloseTo(0.8, within(1e-9));
    assertThat(w.p99Ms()).isCloseTo(9.9, within(1e-9));
  }

  @Test
  void aPodReadOnceOrRestartedCountsNothing() {
    WindowFigures w =
        ServedWindow.of(
            Map.of("restarted", pod(500, 0)),
            Map.of("restarted", pod(10, 0), "new", pod(40, 40)),
            0,
            5_000);
    assertThat(w.requests()).isZero();
    assertThat(w.successRate()).isZero();
    assertThat(w.p99Ms()).isZero();
  }
}
