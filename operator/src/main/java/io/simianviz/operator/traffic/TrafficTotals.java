package io.simianviz.operator.traffic;

import io.simianviz.api.v1alpha1.TrafficSummary;
import java.util.Collection;

/**
 * The architecture's traffic summary from its traffic sources' readings: requests and errors added
 * up, the success rate as a percentage of all requests, and for p50 and p99 the highest source's
 * value (percentiles of separate histograms do not add up; the worst source bounds them).
 */
public final class TrafficTotals {
  private TrafficTotals() {}

  /** The summary of at least one reading. */
  public static TrafficSummary of(Collection<TrafficReading> readings) {
    if (readings.isEmpty()) {
      throw new IllegalArgumentException("readings must not be empty");
    }
    long requests = readings.stream().mapToLong(TrafficReading::requests).sum();
    long errors = readings.stream().mapToLong(TrafficReading::errors).sum();
    TrafficSummary summary = new TrafficSummary();
    summary.setRequests(requests);
    summary.setErrors(errors);
    summary.setSuccessRate(requests == 0 ? 100.0 : round(100.0 * (requests - errors) / requests));
    summary.setP50(round(readings.stream().mapToDouble(TrafficReading::p50).max().orElse(0)));
    summary.setP99(round(readings.stream().mapToDouble(TrafficReading::p99).max().orElse(0)));
    return summary;
  }

  /** Two decimals: what kubectl shows, and no status write for a change nobody can see. */
  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
