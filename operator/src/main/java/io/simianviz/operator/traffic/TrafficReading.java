package io.simianviz.operator.traffic;

/**
 * What one traffic source reports under {@code traffic} in its /stats JSON (the nanoservice's
 * {@code TrafficSource.Summary}): cumulative counts, the success rate as a fraction, and latency
 * percentiles in milliseconds.
 */
public record TrafficReading(
    long requests, long errors, double successRate, double p50, double p99) {}
