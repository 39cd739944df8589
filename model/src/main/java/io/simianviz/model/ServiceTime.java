package io.simianviz.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service-time distribution: {@code constant(2ms)}, {@code normal(5ms,1ms)}, {@code
 * lognormal(p50,p99)} or {@code histogram(1ms:90,10ms:10)} (value:weight buckets).
 */
public sealed interface ServiceTime {
  /** A sample in nanoseconds, never negative. */
  long sampleNanos(RandomGenerator random);

  /** z-score of the 99th percentile of a standard normal distribution. */
  double Z99 = 2.3263478740408408;

  record Constant(long nanos) implements ServiceTime {
    @Override
    public long sampleNanos(RandomGenerator random) {
      return nanos;
    }
  }

  record Normal(long meanNanos, long sdNanos) implements ServiceTime {
    @Override
    public long sampleNanos(RandomGenerator random) {
      return Math.max(0, Math.round(meanNanos + random.nextGaussian() * sdNanos));
    }
  }

  /** Log-normal given its median and 99th percentile, the two figures people quote. */
  record LogNormal(long p50Nanos, long p99Nanos) implements ServiceTime {
    @Override
    public long sampleNanos(RandomGenerator random) {
      double mu = Math.log((double) p50Nanos);
      double sigma = (Math.log((double) p99Nanos) - mu) / Z99;
      return Math.round(Math.exp(mu + sigma * random.nextGaussian()));
    }
  }

  /**
   * Buckets of values, each drawn in proportion to its weight. A class rather than a record: its
   * arrays are copied in and out, and equality compares their contents.
   */
  final class Histogram implements ServiceTime {
    private final long[] valuesNanos;
    private final double[] cumulativeWeights;

    public Histogram(long[] valuesNanos, double[] cumulativeWeights) {
      this.valuesNanos = valuesNanos.clone();
      this.cumulativeWeights = cumulativeWeights.clone();
    }

    /** The bucket values in nanoseconds, in the order given. */
    public long[] valuesNanos() {
      return valuesNanos.clone();
    }

    /** The running sum of the weights up to and including each bucket. */
    public double[] cumulativeWeights() {
      return cumulativeWeights.clone();
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      double u = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
      for (int i = 0; i < cumulativeWeights.length; i++) {
        if (u < cumulativeWeights[i]) {
          return valuesNanos[i];
        }
      }
      return valuesNanos[valuesNanos.length - 1];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Histogram h
          && Arrays.equals(valuesNanos, h.valuesNanos)
          && Arrays.equals(cumulativeWeights, h.cumulativeWeights);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(valuesNanos) + Arrays.hashCode(cumulativeWeights);
    }

    @Override
    public String toString() {
      return "Histogram[valuesNanos="
          + Arrays.toString(valuesNanos)
          + ", cumulativeWeights="
          + Arrays.toString(cumulativeWeights)
          + "]";
    }
  }

  Pattern FORM = Pattern.compile("\\s*(constant|normal|lognormal|histogram)\\s*\\((.*)\\)\\s*");

  /**
   * Parses a distribution.
   *
   * @throws IllegalArgumentException naming the problem
   */
  static ServiceTime parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not a distribution (expected constant(2ms), normal(5ms,1ms),"
              + " lognormal(2ms,20ms) or histogram(1ms:90,10ms:10))");
    }
    String[] args = m.group(2).split(",");
    return switch (m.group(1)) {
      case "constant" -> new Constant(nanos(args, 1, text)[0]);
      case "normal" -> {
        long[] a = nanos(args, 2, text);
        yield new Normal(a[0], a[1]);
      }
      case "lognormal" -> {
        long[] a = nanos(args, 2, text);
        if (a[0] <= 0 || a[1] < a[0]) {
          throw new IllegalArgumentException("\"" + text + "\": lognormal needs 0 < p50 <= p99");
        }
        yield new LogNormal(a[0], a[1]);
      }
      default -> histogram(args, text);
    };
  }

  private static long[] nanos(String[] args, int expected, String text) {
    if (args.length != expected || args[0].isBlank()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" takes " + expected + " duration argument" + (expected > 1 ? "s" : ""));
    }
    long[] out = new long[expected];
    for (int i = 0; i < expected; i++) {
      out[i] = Durations.parse(args[i].trim()).toNanos();
    }
    return out;
  }

  private static Histogram histogram(String[] args, String text) {
    List<long[]> buckets = new ArrayList<>();
    for (String arg : args) {
      // -1: keep trailing empty strings, so "1ms:90:" is refused rather than read as "1ms:90"
      String[] pair = arg.trim().split(":", -1);
      if (pair.length != 2) {
        throw new IllegalArgumentException(
            "\"" + text + "\": histogram buckets are value:weight, e.g. 1ms:90");
      }
      long weight;
      try {
        weight = Long.parseLong(pair[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "\"" + text + "\": weight \"" + pair[1] + "\" is not a whole number");
      }
      if (weight < 0) {
        throw new IllegalArgumentException(
            "\"" + text + "\": weight " + weight + " must not be negative");
      }
      buckets.add(new long[] {Durations.parse(pair[0].trim()).toNanos(), weight});
    }
    long[] values = new long[buckets.size()];
    double[] cumulative = new double[buckets.size()];
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = buckets.get(i)[0];
      sum += buckets.get(i)[1];
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException(
          "\"" + text + "\": histogram weights must add up to more than 0");
    }
    return new Histogram(values, cumulative);
  }
}
