package io.simianviz.local;

/**
 * Requests per second between two progress lines, from the traffic sources' sent counts. It starts
 * from the count when progress begins, which is after the warm-up, and divides by the time that
 * really passed, as a periodic timer fires late when the event loops are busy.
 */
final class RequestRate {
  private long lastSent;
  private long lastNanos;

  RequestRate(long sent, long nowNanos) {
    this.lastSent = sent;
    this.lastNanos = nowNanos;
  }

  double perSecond(long sent, long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    double rate = elapsed <= 0 ? 0 : (sent - lastSent) * 1e9 / elapsed;
    lastSent = sent;
    lastNanos = nowNanos;
    return rate;
  }
}
