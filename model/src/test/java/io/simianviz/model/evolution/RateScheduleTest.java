package io.simianviz.model.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.model.evolution.RateSchedule.Step;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TrafficSpec;
import io.simianviz.model.spec.evolution.RateStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateScheduleTest {
  private static RateSchedule schedule(Double rate, RateStep... steps) {
    ArchitectureSpec spec = new ArchitectureSpec();
    TrafficSpec traffic = new TrafficSpec();
    traffic.setRate(rate);
    traffic.setSchedule(List.of(steps));
    spec.setTraffic(traffic);
    return RateSchedule.of(spec);
  }

  @Test
  void theRateIsTheLastStepsAtOrBeforeTheTime() {
    RateSchedule s = schedule(50.0, new RateStep("0s", 100.0), new RateStep("30s", 800.0));
    assertThat(s.rateAt(Duration.ZERO)).isEqualTo(100);
    assertThat(s.rateAt(Duration.ofMillis(29_999))).isEqualTo(100);
    assertThat(s.rateAt(Duration.ofSeconds(30))).isEqualTo(800);
    assertThat(s.rateAt(Duration.ofHours(1))).isEqualTo(800);
    assertThat(s.steps())
        .containsExactly(new Step(Duration.ZERO, 100), new Step(Duration.ofSeconds(30), 800));
  }

  @Test
  void beforeTheFirstStepTheRateIsTrafficRate() {
    RateSchedule s = schedule(50.0, new RateStep("1m", 200.0));
    assertThat(s.rateAt(Duration.ofSeconds(59))).isEqualTo(50);
    assertThat(s.rateAt(Duration.ofSeconds(60))).isEqualTo(200);
    assertThat(schedule(null, new RateStep("1m", 200.0)).rateAt(Duration.ZERO)).isEqualTo(100);
  }

  @Test
  void withoutAScheduleTheRateIsConstant() {
    RateSchedule s = RateSchedule.of(new ArchitectureSpec());
    assertThat(s.rateAt(Duration.ofDays(1))).isEqualTo(100);
    assertThat(s.nextChange(Duration.ZERO)).isEmpty();
  }

  @Test
  void theNextChangeSkipsStepsThatKeepTheRate() {
    RateSchedule s =
        schedule(
            100.0,
            new RateStep("10s", 100.0),
            new RateStep("20s", 400.0),
            new RateStep("40s", 400.0),
            new RateStep("50s", 0.0));
    assertThat(s.nextChange(Duration.ZERO)).isEqualTo(Optional.of(Duration.ofSeconds(20)));
    assertThat(s.nextChange(Duration.ofSeconds(20))).isEqualTo(Optional.of(Duration.ofSeconds(50)));
    assertThat(s.nextChange(Duration.ofSeconds(50))).isEmpty();
  }

  @Test
  void thePodEnvironmentCarriesTheStepsExactly() {
    RateSchedule ordered =
        schedule(
            50.0,
            new RateStep("0s", 100.0),
            new RateStep("2.5s", 12.5),
            new RateStep("1m30s", 0.0));
    assertThat(ordered.formatSteps()).isEqualTo("0ms=100,2500ms=12.5,90000ms=0");
    RateSchedule read = RateSchedule.parseSteps(50, ordered.formatSteps());
    assertThat(read.steps()).isEqualTo(ordered.steps());
    assertThat(read.initial()).isEqualTo(50);
    assertThat(RateSchedule.parseSteps(50, "").steps()).isEmpty();
    assertThat(ordered.sends()).isTrue();
  }

  @Test
  void aScheduleThatNeverSendsIsSaidSo() {
    assertThat(schedule(0.0, new RateStep("10s", 0.0)).sends()).isFalse();
    assertThat(schedule(0.0, new RateStep("10s", 5.0)).sends()).isTrue();
  }

  @Test
  void aBadPodScheduleNamesThePairAndTheProblem() {
    assertThatThrownBy(() -> RateSchedule.parseSteps(1, "10s=5,20s"))
        .hasMessage("\"20s\" is not at=rate");
    assertThatThrownBy(() -> RateSchedule.parseSteps(1, "10s=fast"))
        .hasMessage("\"10s=fast\": the rate is not a number");
    assertThatThrownBy(() -> RateSchedule.parseSteps(1, "10s=-1"))
        .hasMessage("\"10s=-1\": the rate must be >= 0");
    assertThatThrownBy(() -> RateSchedule.parseSteps(1, "20s=1,10s=2"))
        .hasMessage("\"10s=2\" comes before the step ahead of it");
    assertThatThrownBy(() -> RateSchedule.parseSteps(1, "soon=1"))
        .hasMessageContaining("is not a duration");
  }
}
