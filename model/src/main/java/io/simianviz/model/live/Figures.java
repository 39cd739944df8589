package io.simianviz.model.live;

/**
 * Traffic over the live model's window (the last few seconds).
 *
 * @param rps requests per second
 * @param errorRate failed requests over all requests, 0 to 1 (0 without requests)
 * @param p50Ms median latency in milliseconds (0 without requests)
 * @param p99Ms 99th percentile in milliseconds (0 without requests)
 */
public record Figures(double rps, double errorRate, double p50Ms, double p99Ms) {
  public static final Figures NONE = new Figures(0, 0, 0, 0);

  /** Success rate in percent, 100 without requests. */
  public double successPercent() {
    return 100.0 * (1 - errorRate);
  }
}
