package io.simianviz.model.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.evolution.AutoscaleDecision.Recommendation;
import io.simianviz.model.evolution.AutoscalePolicy.Metric;
import io.simianviz.model.spec.evolution.AutoscaleSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoscaleDecisionTest {
  /** 2..10 instances, 50 requests/s each, a 60 s window. */
  private static final AutoscalePolicy POLICY =
      new AutoscalePolicy(2, 10, 50, Metric.REQUESTS_PER_INSTANCE, Duration.ofSeconds(60), 0.1);

  @Test
  void theRecommendationIsCurrentTimesMeasuredOverTargetRoundedUp() {
    AutoscaleDecision d =
        AutoscaleDecision.decide(POLICY, AutoscaleDecision.start(0, 3), 1_000, 3, 80);
    assertThat(d.recommended()).isEqualTo(5); // ceil(3 x 80 / 50) = ceil(4.8)
    assertThat(d.replicas()).isEqualTo(5); // up at once
    assertThat(d.history()).containsExactly(new Recommendation(0, 3), new Recommendation(1_000, 5));
  }

  @Test
  void anExactMultipleIsNotRoundedUpByFloatingPoint() {
    AutoscalePolicy p = new AutoscalePolicy(1, 100, 0.1, Metric.P99_MS, Duration.ZERO, 0);
    assertThat(AutoscaleDecision.decide(p, List.of(), 0, 3, 0.7).recommended()).isEqualTo(21);
  }

  @Test
  void withinTheToleranceNothingChanges() {
    assertThat(AutoscaleDecision.decide(POLICY, List.of(), 0, 4, 54).replicas()).isEqualTo(4);
    assertThat(AutoscaleDecision.decide(POLICY, List.of(), 0, 4, 46).replicas()).isEqualTo(4);
    assertThat(AutoscaleDecision.decide(POLICY, List.of(), 0, 4, 56).replicas()).isEqualTo(5);
  }

  @Test
  void scaleUpIsBoundedByMax() {
    AutoscaleDecision d = AutoscaleDecision.decide(POLICY, List.of(), 0, 4, 1_000);
    assertThat(d.recommended()).isEqualTo(10);
    assertThat(d.replicas()).isEqualTo(10);
  }

  @Test
  void scaleDownWaitsUntilEveryRecommendationOfTheWindowAllowsIt() {
    List<Recommendation> history = AutoscaleDecision.start(0, 8);
    int current = 8;
    int[] expected = {8, 8, 8, 8, 8, 2, 2}; // every 10 s at 10 requests/s each: down at 60 s
    for (int i = 0; i < expected.length; i++) {
      AutoscaleDecision d =
          AutoscaleDecision.decide(POLICY, history, (i + 1) * 10_000L, current, 10);
      assertThat(d.recommended()).isEqualTo(2); // ceil(8 x 10 / 50) = 2
      assertThat(d.replicas()).as("at %ds", (i + 1) * 10).isEqualTo(expected[i]);
      history = d.history();
    }
    assertThat(history.getFirst().atMillis()).isGreaterThan(70_000 - 60_000);
  }

  @Test
  void aShortDipDoesNotShrinkButTheWindowsHighestDoes() {
    List<Recommendation> history =
        List.of(
            new Recommendation(0, 6), new Recommendation(30_000, 4), new Recommendation(50_000, 3));
    AutoscaleDecision d = AutoscaleDecision.decide(POLICY, history, 70_000, 6, 10);
    // the recommendation at 0 s has left the window; 4 at 30 s is the highest left
    assertThat(d.replicas()).isEqualTo(4);
  }

  @Test
  void aCountOutsideTheBoundsIsBroughtInsideAtOnce() {
    assertThat(AutoscaleDecision.decide(POLICY, List.of(), 0, 1, Double.NaN).replicas())
        .isEqualTo(2);
    assertThat(
            AutoscaleDecision.decide(POLICY, AutoscaleDecision.start(0, 20), 1, 20, 50).replicas())
        .isEqualTo(10);
  }

  @Test
  void nothingMeasuredKeepsTheCount() {
    assertThat(AutoscaleDecision.decide(POLICY, List.of(), 0, 5, Double.NaN).replicas())
        .isEqualTo(5);
  }

  @Test
  void thePolicyOfASpecTakesItsTargetAndTheDefaultWindow() {
    AutoscaleSpec spec = new AutoscaleSpec();
    spec.setMin(1);
    spec.setMax(4);
    spec.setTargetP99Ms(200.0);
    assertThat(AutoscalePolicy.of(spec))
        .isEqualTo(new AutoscalePolicy(1, 4, 200, Metric.P99_MS, Duration.ofSeconds(60), 0.1));
  }
}
