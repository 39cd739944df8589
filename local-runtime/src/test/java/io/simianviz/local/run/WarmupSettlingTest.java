package io.simianviz.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.chaos.TrafficReading;
import org.junit.jupiter.api.Test;

class WarmupSettlingTest {
  private static TrafficReading at(long millis, long answered, long errors, long lost) {
    return new TrafficReading(
        millis, answered + errors + lost, answered, errors, lost, TrafficReading.newHistogram());
  }

  @Test
  void fiveSecondsOfRequestsAllAnsweredSettle() {
    WarmupSettling settling = new WarmupSettling();
    assertThat(settling.settled(at(10_000, 100, 3, 0))).isFalse();
    assertThat(settling.settled(at(12_000, 300, 3, 0))).isFalse();
    assertThat(settling.settled(at(14_999, 599, 3, 0))).isFalse();
    assertThat(settling.settled(at(15_000, 600, 3, 0))).isTrue();
  }

  @Test
  void aFailureOrALostRequestStartsTheWindowAgain() {
    WarmupSettling settling = new WarmupSettling();
    settling.settled(at(10_000, 100, 0, 0));
    assertThat(settling.settled(at(11_500, 150, 1, 0))).isFalse();
    assertThat(settling.settled(at(15_500, 550, 1, 0))).as("4 s since the error").isFalse();
    assertThat(settling.settled(at(16_000, 600, 1, 1))).as("a lost request").isFalse();
    assertThat(settling.settled(at(20_999, 1_099, 1, 1))).isFalse();
    TrafficReading settled = at(21_000, 1_100, 1, 1);
    assertThat(settling.settled(settled)).isTrue();
    assertThat(settling.failedSinceFirst(settled)).isEqualTo(2);
    assertThat(settling.settledSinceFirst(settled)).isEqualTo(1_002);
  }

  @Test
  void noAnswerIsNotSettledHoweverLongItWaits() {
    // The settled time only moves on once requests have their outcome; without any, nothing is
    // known.
    WarmupSettling settling = new WarmupSettling();
    settling.settled(at(10_000, 0, 0, 0));
    assertThat(settling.settled(at(20_000, 0, 0, 0))).isFalse();
  }
}
