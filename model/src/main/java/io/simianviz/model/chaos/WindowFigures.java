package io.simianviz.model.chaos;

import org.HdrHistogram.Histogram;

/**
 * Exact figures of the requests sent in one window, each counted once by its outcome.
 *
 * @param fromMillis start of the window, epoch milliseconds
 * @param toMillis end of the window, epoch milliseconds
 * @param requests requests sent in the window: {@code answered + errors + lost}
 * @param successRate answered over requests; 0 when no request was sent (nothing shows success)
 * @param p50Ms median latency of answered and errored requests, milliseconds
 * @param p99Ms 99th percentile latency, milliseconds
 */
public record WindowFigures(
    long fromMillis,
    long toMillis,
    long requests,
    long answered,
    long errors,
    long lost,
    double successRate,
    double p50Ms,
    double p99Ms) {

  static WindowFigures of(
      long from, long to, long requests, long answered, long errors, long lost, Histogram micros) {
    boolean timed = micros.getTotalCount() > 0;
    return new WindowFigures(
        from,
        to,
        requests,
        answered,
        errors,
        lost,
        requests == 0 ? 0 : answered / (double) requests,
        timed ? micros.getValueAtPercentile(50) / 1000.0 : 0,
        timed ? micros.getValueAtPercentile(99) / 1000.0 : 0);
  }
}
