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
  void twoSecondsOfRequestsAllAnsweredSettle() {
    WarmupSettling settling = new WarmupSettling();
    assertThat(settling.settled(at(10_000, 100, 3, 0))).isFalse();
    assertThat(settling.settled(at(11_000, 150, 3, 0))).isFalse();
    assertThat(settling.settled(at(11_999, 199, 3, 0))).isFalse();
    assertThat(settling.settled(at(12_000, 200, 3, 0))).isTrue();
  }

  @Test
  void aFailureOrALostRequestStartsTheWindowAgain() {
    WarmupSettling settling = new WarmupSettling();
    settling.settled(at(10_000, 100, 0, 0));
    assertThat(settling.settled(at(11_500, 150, 1, 0))).isFalse();
    assertThat(settling.settled(at(12_500, 200, 1, 0))).as("1 s since the error").isFalse();
    assertThat(settling.settled(at(13_000, 220, 1, 1))).as("a lost request").isFalse();
    assertThat(settling.settled(at(14_999, 300, 1, 1))).isFalse();
    assertThat(settling.settled(at(15_000, 301, 1, 1))).isTrue();
    assertThat(settling.failedSinceFirst(at(15_000, 301, 1, 1))).isEqualTo(2);
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
