package io.simianviz.service.traffic;

import io.simianviz.model.chaos.TrafficReading;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Exact outcome counts of one traffic source, by the time each request was sent. Requests are
 * counted in buckets of {@link #BUCKET_MILLIS} of epoch time; a bucket <em>settles</em> once its
 * end is older than the deadline D by which every request has an answer (the client's longest call
 * plus a margin): its requests still unanswered are counted lost, and its figures join the
 * cumulative totals, which are never reset. An answer that comes after its bucket settled is not
 * counted again, only as a late answer (a sign that D is too short).
 *
 * <p>{@link #settledNow} also settles, in send order, every bucket whose time is over and whose
 * requests all have their outcome: it is final, as no request can join it. Once sending has ended
 * ({@link #endSending}) the bucket under way counts as over too, so after a traffic source stops
 * and its last answer is in, one reading covers every request sent, without waiting for D.
 *
 * <p>Threads: the sender (one event loop) counts requests going out, any event loop counts
 * outcomes, any thread reads. Both counting paths only take their bucket's lock; this object's lock
 * is taken by readers and by the sender once per bucket, which also settles what has expired, so
 * memory stays bounded by the buckets of one deadline when nobody reads.
 */
final class SettledCounters {
  static final long BUCKET_MILLIS = 100;

  /** Histograms of settled buckets kept for the next ones: a bucket starts every 100 ms. */
  private static final int SPARE_HISTOGRAMS = 8;

  private final long deadlineMillis;
  private final LongSupplier clock;
  private final AtomicLong late = new AtomicLong();

  // Guarded by this.
  private final ArrayDeque<SendBucket> unsettled = new ArrayDeque<>();
  private final ArrayDeque<Histogram> spare = new ArrayDeque<>();
  private final Histogram latencyMicros = TrafficReading.newHistogram();
  private long sent;
  private long answered;
  private long errors;
  private long lost;

  /** Every bucket up to this index has settled (or never had a request). */
  private long throughIndex;

  private boolean sendingEnded;

  /** The sender's bucket: read and written by the sending thread only. */
  private SendBucket current;

  /**
   * @param deadline how long after it is sent a request has its outcome, at the latest
   * @param clock epoch milliseconds
   */
  SettledCounters(Duration deadline, LongSupplier clock) {
    this.deadlineMillis = deadline.toMillis();
    this.clock = clock;
    this.throughIndex = Math.floorDiv(clock.getAsLong(), BUCKET_MILLIS) - 1;
  }

  /**
   * Epoch milliseconds from the wall clock at creation and the monotonic clock since, so a step of
   * the wall clock cannot reorder buckets or settle one early, while readings of different
   * processes still line up on epoch time.
   */
  static LongSupplier epochClock() {
    long epochMillis = System.currentTimeMillis();
    long nanos = System.nanoTime();
    return () -> epochMillis + (System.nanoTime() - nanos) / 1_000_000;
  }

  long now() {
    return clock.getAsLong();
  }

  /**
   * Counts a request going out at {@code nowMillis}; on the sending thread only.
   *
   * @return its bucket, where its outcome is counted
   */
  SendBucket sent(long nowMillis) {
    long index = Math.floorDiv(nowMillis, BUCKET_MILLIS);
    SendBucket bucket = current;
    if (bucket == null || index > bucket.index) {
      bucket = open(index);
    }
    // A bucket settles under the sender only when this thread stalled past its end.
    while (!bucket.addSent()) {
      bucket = open(index);
    }
    current = bucket;
    return bucket;
  }

  /** Counts the outcome of a request; any thread. */
  void outcome(SendBucket bucket, long micros, boolean error) {
    if (!bucket.addOutcome(micros, error)) {
      late.incrementAndGet();
    }
  }

  /** Answers that came after their request had been counted lost. */
  long lateAnswers() {
    return late.get();
  }

  /** No request will be sent any more: the bucket under way may settle as soon as it resolves. */
  synchronized void endSending() {
    sendingEnded = true;
  }

  /** The cumulative reading through the newest bucket past its deadline. */
  synchronized TrafficReading settled() {
    settle(now(), false);
    return reading();
  }

  /** As {@link #settled}, also settling the buckets that are over and fully answered. */
  synchronized TrafficReading settledNow() {
    settle(now(), true);
    return reading();
  }

  /** Buckets kept until they settle: what bounds this object's memory. */
  synchronized int unsettledBuckets() {
    return unsettled.size();
  }

  private synchronized SendBucket open(long index) {
    settle(now(), false);
    Histogram latency = spare.isEmpty() ? TrafficReading.newHistogram() : spare.pop();
    // Never behind what has settled: a bucket settled with nothing in it stays empty.
    SendBucket bucket = new SendBucket(Math.max(index, throughIndex + 1), latency);
    unsettled.addLast(bucket);
    return bucket;
  }

  private void settle(long nowMillis, boolean resolvedToo) {
    long expired = Math.floorDiv(nowMillis - deadlineMillis, BUCKET_MILLIS) - 1;
    long over = sendingEnded ? Long.MAX_VALUE : Math.floorDiv(nowMillis, BUCKET_MILLIS) - 1;
    // In send order: what has settled is always everything up to some bucket.
    for (SendBucket b = unsettled.peekFirst(); b != null; b = unsettled.peekFirst()) {
      boolean settledNow =
          b.index <= expired ? b.settle(false) : resolvedToo && b.index <= over && b.settle(true);
      if (!settledNow) {
        break;
      }
      fold(unsettled.removeFirst());
    }
    long limit = resolvedToo ? over : expired;
    SendBucket next = unsettled.peekFirst();
    long through = next == null ? limit : Math.min(limit, next.index - 1);
    if (through == Long.MAX_VALUE) {
      // Sending ended and every request is settled: through the bucket under way now.
      through = Math.floorDiv(nowMillis, BUCKET_MILLIS);
    }
    throughIndex = Math.max(throughIndex, through);
  }

  private void fold(SendBucket b) {
    sent += b.sent();
    answered += b.answered();
    errors += b.errors();
    lost += b.lost();
    Histogram h = b.takeLatency();
    latencyMicros.add(h);
    if (spare.size() < SPARE_HISTOGRAMS) {
      h.reset();
      spare.push(h);
    }
  }

  private TrafficReading reading() {
    return new TrafficReading(
        (throughIndex + 1) * BUCKET_MILLIS, sent, answered, errors, lost, latencyMicros);
  }
}
