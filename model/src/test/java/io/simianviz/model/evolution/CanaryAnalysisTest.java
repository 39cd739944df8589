package io.simianviz.model.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.chaos.WindowFigures;
import io.simianviz.model.evolution.CanaryAnalysis.Judgement;
import io.simianviz.model.evolution.CanaryAnalysis.Outcome;
import io.simianviz.model.spec.evolution.CanarySpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryAnalysisTest {
  /** Success rate at least 0.99, p99 at most 200 ms, 2 failures roll back, 3 intervals promote. */
  private static final CanaryPolicy POLICY =
      new CanaryPolicy(10, 0.99, 200, Duration.ofSeconds(10), 2, 3);

  private static WindowFigures window(long requests, long errors, double p99) {
    long answered = requests - errors;
    return new WindowFigures(
        0,
        10_000,
        requests,
        answered,
        errors,
        0,
        requests == 0 ? 0 : answered / (double) requests,
        p99 / 2,
        p99);
  }

  private static final WindowFigures GOOD = window(1_000, 2, 120);
  private static final WindowFigures ERRORS = window(1_000, 200, 120);
  private static final WindowFigures SLOW = window(1_000, 0, 450);

  @Test
  void passingIntervalsContinueThenPromote() {
    assertThat(CanaryAnalysis.judge(POLICY, List.of()))
        .isEqualTo(new Judgement(Outcome.CONTINUE, 0, List.of()));
    assertThat(CanaryAnalysis.judge(POLICY, List.of(GOOD, GOOD)).outcome())
        .isEqualTo(Outcome.CONTINUE);
    assertThat(CanaryAnalysis.judge(POLICY, List.of(GOOD, GOOD, GOOD)))
        .isEqualTo(new Judgement(Outcome.PROMOTE, 3, List.of()));
  }

  @Test
  void aBadPushIsRolledBackAtTheFailureLimit() {
    assertThat(CanaryAnalysis.judge(POLICY, List.of(ERRORS)).outcome()).isEqualTo(Outcome.CONTINUE);
    assertThat(CanaryAnalysis.judge(POLICY, List.of(ERRORS, SLOW, GOOD, GOOD)))
        .isEqualTo(
            new Judgement(
                Outcome.ROLLBACK,
                2,
                List.of(
                    "interval 1: success rate 0.8000 below 0.99",
                    "interval 2: p99 450.0ms above 200ms")));
  }

  @Test
  void fewerFailuresThanTheLimitStillPromote() {
    Judgement j = CanaryAnalysis.judge(POLICY, List.of(GOOD, SLOW, GOOD));
    assertThat(j.outcome()).isEqualTo(Outcome.PROMOTE);
    assertThat(j.failures()).containsExactly("interval 2: p99 450.0ms above 200ms");
  }

  @Test
  void anIntervalWithoutRequestsFails() {
    assertThat(CanaryAnalysis.failure(POLICY, window(0, 0, 0))).hasValue("no requests");
    assertThat(CanaryAnalysis.judge(POLICY, List.of(window(0, 0, 0), window(0, 0, 0))).outcome())
        .isEqualTo(Outcome.ROLLBACK);
  }

  @Test
  void withoutALatencyLimitOnlyTheSuccessRateCounts() {
    CanaryPolicy p = CanaryPolicy.of(new CanarySpec());
    assertThat(p)
        .isEqualTo(
            new CanaryPolicy(10, 0.99, Double.POSITIVE_INFINITY, Duration.ofSeconds(30), 2, 5));
    assertThat(CanaryAnalysis.failure(p, window(1_000, 0, 1e6))).isEmpty();
  }
}
