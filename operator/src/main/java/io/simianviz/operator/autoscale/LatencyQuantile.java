package io.simianviz.operator.autoscale;

import java.util.Map;
import java.util.NavigableMap;

/**
 * A quantile from cumulative buckets, as Prometheus' {@code histogram_quantile} estimates it: the
 * bucket that holds the rank, interpolated linearly between its lower and upper bound. A rank in
 * the last (+Inf) bucket reads as the highest finite bound.
 */
final class LatencyQuantile {
  private LatencyQuantile() {}

  /**
   * The quantile in milliseconds.
   *
   * @param q the quantile, 0 to 1
   * @param buckets cumulative counts by upper bound in seconds
   * @return milliseconds; NaN when the buckets hold nothing
   */
  static double millis(double q, NavigableMap<Double, Long> buckets) {
    if (buckets.isEmpty()) {
      return Double.NaN;
    }
    long total = buckets.lastEntry().getValue();
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lower = 0;
    long below = 0;
    for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
      double upper = bucket.getKey();
      long count = bucket.getValue();
      if (count >= rank) {
        if (Double.isInfinite(upper)) {
          return lower * 1000;
        }
        long inBucket = count - below;
        double fraction = inBucket == 0 ? 1 : (rank - below) / inBucket;
        return (lower + (upper - lower) * fraction) * 1000;
      }
      lower = Double.isInfinite(upper) ? lower : upper;
      below = count;
    }
    return lower * 1000;
  }
}
