package io.simianviz.model.evolution;

import static org.assertj.core.api.Assertions.assertThat;

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
}
