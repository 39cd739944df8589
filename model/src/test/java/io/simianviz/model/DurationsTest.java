package io.simianviz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "500ms, 500000000",
    "30s, 30000000000",
    "5m, 300000000000",
    "1h, 3600000000000",
    "1h30m, 5400000000000",
    "1m30s, 90000000000",
    "2h45m30s, 9930000000000",
    "0.5ms, 500000",
    "250us, 250000",
    "1.5h, 5400000000000",
    "0s, 0",
    "0ms, 0",
    "1s500ms, 1500000000",
    "1us, 1000",
    "'  30s  ', 30000000000",
  })
  void parsesEveryForm(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @Test
  void parsesDecimalsExactly() {
    assertThat(Durations.parse("0.3ms")).isEqualTo(Duration.ofNanos(300_000));
    assertThat(Durations.parse("2.3s")).isEqualTo(Duration.ofMillis(2300));
    assertThat(Durations.parse("4.35s")).isEqualTo(Duration.ofMillis(4350));
  }

  @Test
  void parsesDecimalsWithoutFloatingPointTruncation() {
    assertThat(Durations.parse("1.001s")).isEqualTo(Duration.ofMillis(1001));
    assertThat(Durations.parse("1.005ms")).isEqualTo(Duration.ofNanos(1_005_000));
  }

  @Test
  void rejectsEmptyText() {
    for (String text : new String[] {"", "   ", null}) {
      assertThatThrownBy(() -> Durations.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("empty duration (expected e.g. 500ms, 30s, 5m)");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "5",
        "abc",
        "ms",
        "5 s",
        "5ns",
        "5d",
        "-5s",
        "5S",
        "5ms junk",
        "1h 30m",
        ".5s",
        "5.s",
        "1,5s"
      })
  void rejectsNonDurationsNamingTheText(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"" + text + "\" is not a duration (expected e.g. 500ms, 30s, 5m, 1h30m)");
  }

  @Test
  void rejectsDurationsThatOverflow() {
    // 3,000,000 h is about 342 years: more nanoseconds than a long holds.
    assertThatThrownBy(() -> Durations.parse("3000000h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("3000000h3000000h"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
