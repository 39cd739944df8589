package io.simianviz.service.traffic;

import io.simianviz.service.stats.Series;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A traffic source's {@link TrafficSource.Summary}: totals by the time each request ended, started
 * afresh at the end of a warm-up. Recording is wait-free (the event loops never wait on a reader).
 */
final class SummaryCounters {
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Recorder all = new Recorder(1, Series.HIGHEST_MICROS, 2);
  private final Histogram cumulative = new Histogram(1, Series.HIGHEST_MICROS, 2);

  void record(long micros, boolean error) {
    all.recordValue(Math.max(1, Math.min(Series.HIGHEST_MICROS, micros)));
    completed.incrementAndGet();
    if (error) {
      errors.incrementAndGet();
    }
  }

  /** Requests in flight count in the new totals. */
  synchronized void reset() {
    all.getIntervalHistogram();
    cumulative.reset();
    completed.set(0);
    errors.set(0);
  }

  synchronized TrafficSource.Summary summary() {
    cumulative.add(all.getIntervalHistogram());
    long n = completed.get();
    long e = errors.get();
    return new TrafficSource.Summary(
        n,
        e,
        n == 0 ? 1.0 : (n - e) / (double) n,
        cumulative.getValueAtPercentile(50) / 1000.0,
        cumulative.getValueAtPercentile(99) / 1000.0);
  }
}
