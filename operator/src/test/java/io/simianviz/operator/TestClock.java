package io.simianviz.operator;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock moved forward by what a test asks, for the operator's time-based rules (an
 * autoscaler's stabilization window) without waiting that long. An alternative to the {@link
 * Clocks} bean, enabled only by the test profiles that name it.
 */
@Alternative
@Singleton
public class TestClock extends Clock {
  private final AtomicLong offsetMillis = new AtomicLong();

  /** Moves the clock forward. */
  public void advance(Duration by) {
    offsetMillis.addAndGet(by.toMillis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the operator's clock is UTC");
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offsetMillis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }
}
