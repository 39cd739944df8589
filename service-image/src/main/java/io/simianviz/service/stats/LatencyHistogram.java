package io.simianviz.service.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One instance's latencies for Prometheus: a count per fixed bucket, the sum, and the errors. The
 * buckets are service-level boundaries from 100 µs to 10 s in 1-2.5-5 steps ({@link
 * #BOUNDS_MICROS}), the same for every series and instance so that buckets add up across them.
 * Recording is a table look-up by the value's bit length, a comparison or two, and two or three
 * atomic additions: no lock, no allocation, a few hundred bytes per series (an HdrHistogram {@link
 * Series} costs tens of kilobytes, which is why those are per tier). A reader does not stop
 * writers, so a snapshot may count a request in its bucket and not yet in the sum.
 */
public final class LatencyHistogram {
  /** Inclusive upper bounds of the buckets in microseconds; a last bucket takes the rest. */
  static final long[] BOUNDS_MICROS = {
    100,
    250,
    500,
    1_000,
    2_500,
    5_000,
    10_000,
    25_000,
    50_000,
    100_000,
    250_000,
    500_000,
    1_000_000,
    2_500_000,
    5_000_000,
    10_000_000
  };

  /**
   * For each bit length of a value (0 to 64), the first bucket it can fall in: the bounds are at
   * least a factor 2 apart, so a value is at most two buckets past it. A binary search over the
   * bounds was 3.7% of a proxying instance's CPU samples (with the tier's series).
   */
  private static final byte[] FIRST_BUCKET_BY_BITS = new byte[65];

  static {
    for (int bits = 0; bits <= 64; bits++) {
      // The smallest value of that bit length.
      long smallest = bits == 0 ? 0 : 1L << (bits - 1);
      int bucket = 0;
      while (bucket < BOUNDS_MICROS.length && smallest > BOUNDS_MICROS[bucket]) {
        bucket++;
      }
      FIRST_BUCKET_BY_BITS[bits] = (byte) bucket;
    }
  }

  private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_MICROS.length + 1);
  private final AtomicLong sumMicros = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  /** Counts one request; a negative time counts as zero. */
  public void record(long micros, boolean error) {
    long value = Math.max(0, micros);
    buckets.incrementAndGet(bucketOf(value));
    sumMicros.addAndGet(value);
    if (error) {
      errors.incrementAndGet();
    }
  }

  /** The bucket of a value of 0 or more: the first whose bound is not below it. */
  static int bucketOf(long value) {
    int bucket = FIRST_BUCKET_BY_BITS[64 - Long.numberOfLeadingZeros(value)];
    while (bucket < BOUNDS_MICROS.length && value > BOUNDS_MICROS[bucket]) {
      bucket++;
    }
    return bucket;
  }

  /** What has been recorded so far. */
  public Snapshot snapshot() {
    long[] cumulative = new long[buckets.length()];
    long total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      total += buckets.get(i);
      cumulative[i] = total;
    }
    return new Snapshot(cumulative, sumMicros.get(), errors.get());
  }

  /** The counts of a histogram at one moment. */
  public static final class Snapshot {
    private final long[] cumulative;
    private final long sumMicros;
    private final long errors;

    private Snapshot(long[] cumulative, long sumMicros, long errors) {
      this.cumulative = cumulative;
      this.sumMicros = sumMicros;
      this.errors = errors;
    }

    /** Several histograms' counts added up (none: every count 0). */
    public static Snapshot sum(java.util.List<Snapshot> all) {
      long[] cumulative = new long[BOUNDS_MICROS.length + 1];
      long sum = 0;
      long errors = 0;
      for (Snapshot s : all) {
        for (int i = 0; i < cumulative.length; i++) {
          cumulative[i] += s.cumulative[i];
        }
        sum += s.sumMicros;
        errors += s.errors;
      }
      return new Snapshot(cumulative, sum, errors);
    }

    /**
     * The upper bound of the bucket holding the {@code percentile}th request (0 to 100) counted
     * since {@code earlier}, in microseconds; the last bound when it is above them all, 0 when no
     * request was counted.
     */
    public long percentileSince(Snapshot earlier, double percentile) {
      long total = count() - (earlier == null ? 0 : earlier.count());
      if (total <= 0) {
        return 0;
      }
      long rank = (long) Math.ceil(total * percentile / 100.0);
      for (int i = 0; i < BOUNDS_MICROS.length; i++) {
        long n = cumulative[i] - (earlier == null ? 0 : earlier.cumulative[i]);
        if (n >= rank) {
          return BOUNDS_MICROS[i];
        }
      }
      return BOUNDS_MICROS[BOUNDS_MICROS.length - 1];
    }

    /** How many buckets there are: one per bound and one above them all. */
    public int buckets() {
      return cumulative.length;
    }

    /**
     * Requests that took at most {@code BOUNDS_MICROS[bucket]}; for the last bucket, every request.
     */
    public long cumulative(int bucket) {
      return cumulative[bucket];
    }

    /** Every request recorded. */
    public long count() {
      return cumulative[cumulative.length - 1];
    }

    /** The sum of the recorded times. */
    public long sumMicros() {
      return sumMicros;
    }

    /** How many of the requests failed. */
    public long errors() {
      return errors;
    }
  }
}
