package io.simianviz.service.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.discovery.Endpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OutlierEjectionTest {
  private final OutlierEjection outliers = new OutlierEjection(Duration.ofSeconds(5));
  private final Endpoint db = new Endpoint("db-1", "db", "east", "a", "127.0.0.9", 7000);
  private final Endpoint other = new Endpoint("db-2", "db", "east", "b", "127.0.0.10", 7000);

  private void timeouts(Endpoint target, int n) {
    for (int i = 0; i < n; i++) {
      outliers.failed(target, new TimeoutException("no answer"), true);
    }
  }

  @Test
  void timeoutsInARowEjectAndAnyAnswerStartsTheCountAgain() {
    timeouts(db, OutlierEjection.TIMEOUTS_TO_EJECT - 1);
    outliers.answered(db);
    timeouts(db, OutlierEjection.TIMEOUTS_TO_EJECT - 1);
    assertThat(outliers.ejected().test(db)).isFalse();

    // Answers from another instance say nothing about this one.
    outliers.answered(other);
    timeouts(db, 1);

    assertThat(outliers.ejected().test(db)).isTrue();
    assertThat(outliers.ejected().test(other)).isFalse();
    assertThat(outliers.ejectedUntil()).containsOnlyKeys(db.address());
  }

  @Test
  void aRefusedConnectionEjectsAtOnceButTheCallersOwnLimitsNever() {
    outliers.failed(db, new IOException("Too many open files"), false);
    outliers.failed(db, new ConnectException("Connection refused"), false);
    assertThat(outliers.ejected().test(db)).isTrue();

    for (int i = 0; i < 2 * OutlierEjection.TIMEOUTS_TO_EJECT; i++) {
      outliers.failed(other, new IOException("Too many open files"), true);
    }
    assertThat(outliers.ejected().test(other)).isFalse();
  }

  @Test
  void anEjectionEnds() {
    OutlierEjection brief = new OutlierEjection(Duration.ZERO);
    brief.failed(db, new ConnectException("Connection refused"), false);
    assertThat(brief.ejected().test(db)).isFalse();
    assertThat(brief.ejectedUntil()).isEmpty();
  }
}
