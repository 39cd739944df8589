package io.simianviz.operator.traffic;

/**
 * What one traffic source reports in its /stats JSON: under {@code traffic} (the nanoservice's
 * {@code TrafficSource.Summary}) cumulative counts, the success rate as a fraction and latency
 * percentiles in milliseconds, for the Architecture's status; under {@code settled} the exact
 * counters chaos experiments judge by.
 *
 * @param settled the settled counters, or null when the source reports none (an older image)
 */
public record TrafficReading(
    long requests,
    long errors,
    double successRate,
    double p50,
    double p99,
    io.simianviz.model.chaos.TrafficReading settled) {
  /** A reading without settled counters. */
  public TrafficReading(long requests, long errors, double successRate, double p50, double p99) {
    this(requests, errors, successRate, p50, p99, null);
  }
}
