package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestRateTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void countsOnlyRequestsSentSinceItStarted() {
    // 40 s of warm-up at 3,000/s went out before progress began.
    RequestRate rate = new RequestRate(120_000, 40 * SECOND);

    assertThat(rate.perSecond(135_000, 45 * SECOND)).isEqualTo(3_000);
    assertThat(rate.perSecond(150_500, 50 * SECOND)).isEqualTo(3_100);
  }

  @Test
  void dividesByTheTimeThatPassedNotTheNominalPeriod() {
    RequestRate rate = new RequestRate(0, 0);

    assertThat(rate.perSecond(21_000, 7 * SECOND)).isEqualTo(3_000);
  }

  @Test
  void reportsZeroWhenNoTimePassed() {
    RequestRate rate = new RequestRate(10, 5 * SECOND);

    assertThat(rate.perSecond(20, 5 * SECOND)).isZero();
  }
}
