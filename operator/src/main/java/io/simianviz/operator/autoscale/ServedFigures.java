package io.simianviz.operator.autoscale;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pod's {@code /metrics} says it served since it started: requests (every op), the errors
 * among them (answered with a status of 400 or more) and their latency histogram, cumulative per
 * bucket upper bound in seconds (+Inf included). The counters only grow while the pod lives, so two
 * readings give the interval between them; unlike /stats, whose percentiles are since the pod
 * started, buckets subtract.
 */
public record ServedFigures(long requests, long errors, NavigableMap<Double, Long> buckets) {
  static final String REQUESTS = "simianviz_service_requests_total";
  static final String ERRORS = "simianviz_service_errors_total";
  static final String BUCKET = "simianviz_service_latency_seconds_bucket";
  private static final Pattern LE = Pattern.compile("[{,]le=\"([^\"]+)\"");

  public ServedFigures {
    buckets = new TreeMap<>(buckets);
  }

  /**
   * Reads the service series of a Prometheus text exposition, summed over ops.
   *
   * @throws IllegalArgumentException when a sample's value is not a number
   */
  static ServedFigures parse(String text) {
    long requests = 0;
    long errors = 0;
    Map<Double, Long> buckets = new TreeMap<>();
    for (String line : text.lines().toList()) {
      if (line.startsWith(REQUESTS + "{") || line.startsWith(REQUESTS + " ")) {
        requests += value(line);
      } else if (line.startsWith(ERRORS + "{") || line.startsWith(ERRORS + " ")) {
        errors += value(line);
      } else if (line.startsWith(BUCKET + "{")) {
        Matcher le = LE.matcher(line);
        if (le.find()) {
          double bound =
              "+Inf".equals(le.group(1))
                  ? Double.POSITIVE_INFINITY
                  : Double.parseDouble(le.group(1));
          buckets.merge(bound, value(line), Long::sum);
        }
      }
    }
    return new ServedFigures(requests, errors, new TreeMap<>(buckets));
  }

  /** What was served between an earlier reading of the same pod and this one. */
  ServedFigures since(ServedFigures earlier) {
    NavigableMap<Double, Long> delta = new TreeMap<>();
    buckets.forEach(
        (bound, count) -> delta.put(bound, count - earlier.buckets.getOrDefault(bound, 0L)));
    return new ServedFigures(requests - earlier.requests, errors - earlier.errors, delta);
  }

  /**
   * Whether this reading comes after {@code earlier} of the same process (no counter went back).
   */
  boolean follows(ServedFigures earlier) {
    return requests >= earlier.requests
        && errors >= earlier.errors
        && earlier.buckets.entrySet().stream()
            .allMatch(e -> buckets.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  /** The sum of two pods' figures. */
  ServedFigures plus(ServedFigures other) {
    NavigableMap<Double, Long> sum = new TreeMap<>(buckets);
    other.buckets.forEach((bound, count) -> sum.merge(bound, count, Long::sum));
    return new ServedFigures(requests + other.requests, errors + other.errors, sum);
  }

  private static long value(String line) {
    String v = line.substring(line.lastIndexOf(' ') + 1).trim();
    try {
      return (long) Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a sample value: \"" + v + "\" in " + line, e);
    }
  }
}
