package io.simianviz.service.stats;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency series (a tier's service time for an op, an edge's response time, a traffic source's
 * end-to-end time). Writers record into an HdrHistogram {@link Recorder}, which is wait-free; a
 * reader folds the recorder's interval into a cumulative histogram under this object's lock. Values
 * are microseconds, clamped to one hour.
 */
public final class Series {
  public enum Kind {
    SERVICE,
    EDGE,
    TRAFFIC
  }

  public static final long HIGHEST_MICROS = 3_600_000_000L;

  /** Two significant digits: 1% resolution, a tenth of the memory of three. */
  private static final int DIGITS = 2;

  private final Kind kind;
  private final String tier;
  private final String detail;
  private final Recorder recorder = new Recorder(1, HIGHEST_MICROS, DIGITS);
  private final Histogram cumulative = new Histogram(1, HIGHEST_MICROS, DIGITS);
  private final LongAdder count = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private Histogram interval;

  /**
   * @param detail the op for SERVICE and TRAFFIC series, the called tier for EDGE series
   */
  Series(Kind kind, String tier, String detail) {
    this.kind = kind;
    this.tier = tier;
    this.detail = detail;
  }

  public void record(long micros, boolean error) {
    recorder.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, micros)));
    count.increment();
    if (error) {
      errors.increment();
    }
  }

  /**
   * Records a traffic source's latency measured from the intended start, and fills in the samples
   * that a stalled sender would have taken: HdrHistogram's coordinated-omission correction.
   */
  public void recordCorrected(long micros, long expectedIntervalMicros, boolean error) {
    recorder.recordValueWithExpectedInterval(
        Math.max(1, Math.min(HIGHEST_MICROS, micros)), expectedIntervalMicros);
    count.increment();
    if (error) {
      errors.increment();
    }
  }

  public Kind kind() {
    return kind;
  }

  public String tier() {
    return tier;
  }

  public String detail() {
    return detail;
  }

  public String name() {
    return switch (kind) {
      case SERVICE -> "service " + tier + " " + detail;
      case EDGE -> "edge " + tier + "->" + detail;
      case TRAFFIC -> "traffic " + tier + " " + detail;
    };
  }

  public long count() {
    return count.sum();
  }

  public long errors() {
    return errors.sum();
  }

  /**
   * Forgets everything recorded so far: the end of a warm-up. A value recorded while resetting may
   * land on either side.
   */
  public synchronized void reset() {
    interval = recorder.getIntervalHistogram(interval);
    cumulative.reset();
    count.reset();
    errors.reset();
  }

  /** A copy of everything recorded so far. */
  public synchronized Histogram histogram() {
    interval = recorder.getIntervalHistogram(interval);
    cumulative.add(interval);
    return cumulative.copy();
  }

  public SeriesStats stats() {
    Histogram h = histogram();
    return new SeriesStats(
        name(),
        kind,
        tier,
        detail,
        count(),
        errors(),
        millis(h.getValueAtPercentile(50)),
        millis(h.getValueAtPercentile(90)),
        millis(h.getValueAtPercentile(99)),
        millis(h.getValueAtPercentile(99.9)),
        millis(h.getMaxValue()));
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }
}
