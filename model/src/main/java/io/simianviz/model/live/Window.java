package io.simianviz.model.live;

import java.util.ArrayDeque;
import java.util.Deque;
import org.HdrHistogram.Histogram;

/**
 * The readings of one series over the last {@code span} milliseconds and the figures between the
 * oldest and the newest. Counters that went down (figures reset at the end of a warm-up) start the
 * window again.
 */
final class Window {
  private final long spanMs;
  private final Deque<Reading> readings = new ArrayDeque<>();

  Window(long spanMs) {
    this.spanMs = spanMs;
  }

  synchronized void add(Reading r) {
    Reading last = readings.peekLast();
    if (last != null && (r.count() < last.count() || r.atMs() < last.atMs())) {
      readings.clear();
    }
    readings.addLast(r);
    // Keep the newest reading at least span old, so the window covers the whole span.
    while (readings.size() > 2) {
      Reading second = readings.stream().skip(1).findFirst().orElseThrow();
      if (r.atMs() - second.atMs() >= spanMs) {
        readings.removeFirst();
      } else {
        break;
      }
    }
  }

  synchronized Figures figures() {
    if (readings.size() < 2) {
      return Figures.NONE;
    }
    Reading from = readings.peekFirst();
    Reading to = readings.peekLast();
    long requests = to.count() - from.count();
    long millis = to.atMs() - from.atMs();
    if (millis <= 0) {
      return Figures.NONE;
    }
    double rps = requests * 1000.0 / millis;
    double errorRate = requests <= 0 ? 0 : (to.errors() - from.errors()) / (double) requests;
    double p50 = 0;
    double p99 = 0;
    if (requests > 0 && to.histogram() != null) {
      Histogram d = to.histogram().copy();
      if (from.histogram() != null) {
        try {
          d.subtract(from.histogram());
        } catch (IllegalArgumentException reset) {
          d = to.histogram(); // reset between the two readings: the newest alone
        }
      }
      if (d.getTotalCount() > 0) {
        p50 = d.getValueAtPercentile(50) / 1000.0;
        p99 = d.getValueAtPercentile(99) / 1000.0;
      }
    }
    return new Figures(rps, Math.max(0, Math.min(1, errorRate)), p50, p99);
  }
}
