package io.simianviz.service.traffic;

import io.simianviz.model.chaos.TrafficReading;
import org.HdrHistogram.Histogram;

/**
 * The requests a traffic source sent in one slice of time ({@link SettledCounters#BUCKET_MILLIS}),
 * counted by outcome until the slice settles. Its lock is taken by the sender, by each outcome and
 * once by the settler: uncontended but for that one moment, so the event loops never wait on each
 * other. Once settled it counts nothing more; whoever settled it reads its figures without the lock
 * (they no longer change).
 */
final class SendBucket {
  /** Epoch milliseconds divided by the bucket's length. */
  final long index;

  private long sent;
  private long answered;
  private long errors;
  private Histogram latencyMicros;
  private boolean settled;

  SendBucket(long index, Histogram latencyMicros) {
    this.index = index;
    this.latencyMicros = latencyMicros;
  }

  /**
   * Counts a request going out; false when the bucket has settled and it must go to a later one.
   */
  synchronized boolean addSent() {
    if (settled) {
      return false;
    }
    sent++;
    return true;
  }

  /**
   * Counts the outcome of a request sent in this bucket.
   *
   * @return false when the bucket settled first: the request was counted lost and stays so
   */
  synchronized boolean addOutcome(long micros, boolean error) {
    if (settled) {
      return false;
    }
    if (error) {
      errors++;
    } else {
      answered++;
    }
    latencyMicros.recordValue(Math.max(1, Math.min(TrafficReading.HIGHEST_MICROS, micros)));
    return true;
  }

  /**
   * Closes the bucket to further counting.
   *
   * @param onlyIfResolved leave it open while any of its requests is still unanswered
   * @return whether it is now settled
   */
  synchronized boolean settle(boolean onlyIfResolved) {
    if (onlyIfResolved && sent != answered + errors) {
      return false;
    }
    settled = true;
    return true;
  }

  long sent() {
    return sent;
  }

  long answered() {
    return answered;
  }

  long errors() {
    return errors;
  }

  /** Requests with no outcome at settling: lost. */
  long lost() {
    return sent - answered - errors;
  }

  /** The latencies recorded, handed over once settled so the histogram can be reused. */
  Histogram takeLatency() {
    Histogram h = latencyMicros;
    latencyMicros = null;
    return h;
  }
}
