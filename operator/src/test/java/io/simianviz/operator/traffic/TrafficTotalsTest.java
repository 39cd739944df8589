package io.simianviz.operator.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.api.v1alpha1.TrafficSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficTotalsTest {
  @Test
  void addsCountsAndTakesTheWorstPercentiles() {
    TrafficSummary summary =
        TrafficTotals.of(
            List.of(
                new TrafficReading(900, 9, 0.99, 1.5, 12.0),
                new TrafficReading(100, 41, 0.59, 2.25, 8.0)));

    assertThat(summary.getRequests()).isEqualTo(1000);
    assertThat(summary.getErrors()).isEqualTo(50);
    assertThat(summary.getSuccessRate()).isEqualTo(95.0);
    assertThat(summary.getP50()).isEqualTo(2.25);
    assertThat(summary.getP99()).isEqualTo(12.0);
  }

  @Test
  void roundsToTwoDecimals() {
    TrafficSummary summary = TrafficTotals.of(List.of(new TrafficReading(3, 1, 0.6, 0.123, 4.567)));

    assertThat(summary.getSuccessRate()).isEqualTo(66.67);
    assertThat(summary.getP50()).isEqualTo(0.12);
    assertThat(summary.getP99()).isEqualTo(4.57);
  }

  @Test
  void noRequestsYetIsAllSuccess() {
    assertThat(TrafficTotals.of(List.of(new TrafficReading(0, 0, 1.0, 0, 0))).getSuccessRate())
        .isEqualTo(100.0);
  }

  @Test
  void noReadingIsAnError() {
    assertThatThrownBy(() -> TrafficTotals.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readings must not be empty");
  }
}
