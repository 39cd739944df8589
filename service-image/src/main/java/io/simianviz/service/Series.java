package io.simianviz.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One latency series (a tier's service time for an op, an edge's response time, a traffic source's
 * end-to-end time). Each recording thread writes its own shard, an HdrHistogram {@link
 * SingleWriterRecorder} and two counters: a tier's instances run on every event loop, and shared
 * counters would bounce between cores on every hop. A reader folds the shards' intervals into a
 * cumulative histogram under this object's lock. Values are microseconds, clamped to one hour.
 */
public final class Series {
  public enum Kind {
    SERVICE,
    EDGE,
    TRAFFIC
  }

  static final long HIGHEST_MICROS = 3_600_000_000L;

  /** Two significant digits: 1% resolution, a tenth of the memory of three. */
  private static final int DIGITS = 2;

  private final Kind kind;
  private final String tier;
  private final String detail;
  private final List<Shard> shards = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Shard> shard = ThreadLocal.withInitial(this::newShard);
  private final Histogram cumulative = new Histogram(1, HIGHEST_MICROS, DIGITS);

  /** The shards' totals at the last {@link #reset}: a reader cannot zero a writer's counter. */
  private volatile long countAtReset;

  private volatile long errorsAtReset;

  /**
   * @param detail the op for SERVICE and TRAFFIC series, the called tier for EDGE series
   */
  Series(Kind kind, String tier, String detail) {
    this.kind = kind;
    this.tier = tier;
    this.detail = detail;
  }

  public void record(long micros, boolean error) {
    Shard mine = shard.get();
    mine.recorder.recordValue(clamp(micros));
    mine.counted(error);
  }

  /**
   * Records a traffic source's latency measured from the intended start, and fills in the samples
   * that a stalled sender would have taken: HdrHistogram's coordinated-omission correction.
   */
  public void recordCorrected(long micros, long expectedIntervalMicros, boolean error) {
    Shard mine = shard.get();
    mine.recorder.recordValueWithExpectedInterval(clamp(micros), expectedIntervalMicros);
    mine.counted(error);
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
    return totalCount() - countAtReset;
  }

  public long errors() {
    return totalErrors() - errorsAtReset;
  }

  /**
   * Forgets everything recorded so far: the end of a warm-up. A value recorded while resetting may
   * land on either side.
   */
  public synchronized void reset() {
    shards.forEach(Shard::drain);
    cumulative.reset();
    countAtReset = totalCount();
    errorsAtReset = totalErrors();
  }

  /** A copy of everything recorded so far. */
  public synchronized Histogram histogram() {
    shards.forEach(s -> cumulative.add(s.drain()));
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

  private static long clamp(long micros) {
    return Math.max(1, Math.min(HIGHEST_MICROS, micros));
  }

  private long totalCount() {
    long sum = 0;
    for (Shard s : shards) {
      sum += s.count.get();
    }
    return sum;
  }

  private long totalErrors() {
    long sum = 0;
    for (Shard s : shards) {
      sum += s.errors.get();
    }
    return sum;
  }

  private Shard newShard() {
    Shard s = new Shard();
    shards.add(s);
    return s;
  }

  /** What one thread recorded. Only that thread writes it, so its counters need no atomic add. */
  private static final class Shard {
    private final SingleWriterRecorder recorder =
        new SingleWriterRecorder(1, HIGHEST_MICROS, DIGITS);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    /** Recycled between reads; only the series' lock holder touches it. */
    private Histogram interval;

    void counted(boolean error) {
      count.lazySet(count.get() + 1);
      if (error) {
        errors.lazySet(errors.get() + 1);
      }
    }

    /** The values recorded since the last drain. */
    Histogram drain() {
      interval = recorder.getIntervalHistogram(interval);
      return interval;
    }
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }
}
