package io.simianviz.model.validation;

import static io.simianviz.api.testsupport.Specs.spec;
import static io.simianviz.api.testsupport.Specs.tier;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.chaos.ChaosSpec;
import io.simianviz.model.spec.chaos.MonkeySpec;
import org.junit.jupiter.api.Test;

class MonkeyIntervalTest {
  private static ArchitectureSpec withInterval(String interval) {
    ArchitectureSpec s = spec(tier("www", "denominator", 0, 0, "api"), tier("api", "karyon", 3, 1));
    MonkeySpec monkey = new MonkeySpec();
    monkey.setVictim("api");
    monkey.setInterval(interval);
    ChaosSpec chaos = new ChaosSpec();
    chaos.setMonkey(monkey);
    s.setChaos(chaos);
    return s;
  }

  @Test
  void anIntervalOfZeroIsRefusedForItWouldStrikeOnEveryTick() {
    assertThat(ArchitectureValidator.validate(withInterval("0s")).errors())
        .extracting(Problem::toString)
        .containsExactly("chaos.monkey.interval: must be above 0 (was \"0s\")");
    assertThat(ArchitectureValidator.validate(withInterval("10s")).isValid()).isTrue();
  }
}
