package io.simianviz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceTimeTest {
  private static final int SAMPLES = 100_000;
  private static final String FORMS =
      " is not a distribution (expected constant(2ms), normal(5ms,1ms),"
          + " lognormal(2ms,20ms) or histogram(1ms:90,10ms:10))";

  @Test
  void parsesConstant() {
    assertThat(ServiceTime.parse("constant(2ms)")).isEqualTo(new ServiceTime.Constant(2_000_000));
    assertThat(ServiceTime.parse(" constant ( 250us ) "))
        .isEqualTo(new ServiceTime.Constant(250_000));
    assertThat(ServiceTime.parse("constant(0ms)")).isEqualTo(new ServiceTime.Constant(0));
  }

  @Test
  void parsesNormal() {
    assertThat(ServiceTime.parse("normal(5ms,1ms)"))
        .isEqualTo(new ServiceTime.Normal(5_000_000, 1_000_000));
    assertThat(ServiceTime.parse("normal( 5ms , 500us )"))
        .isEqualTo(new ServiceTime.Normal(5_000_000, 500_000));
  }

  @Test
  void parsesLogNormal() {
    assertThat(ServiceTime.parse("lognormal(2ms,20ms)"))
        .isEqualTo(new ServiceTime.LogNormal(2_000_000, 20_000_000));
    assertThat(ServiceTime.parse("lognormal(2ms, 2ms)"))
        .isEqualTo(new ServiceTime.LogNormal(2_000_000, 2_000_000));
  }

  @Test
  void parsesHistogramIntoCumulativeWeights() {
    ServiceTime st = ServiceTime.parse("histogram(1ms:90, 10ms:10)");
    assertThat(st).isInstanceOf(ServiceTime.Histogram.class);
    ServiceTime.Histogram h = (ServiceTime.Histogram) st;
    assertThat(h.valuesNanos()).containsExactly(1_000_000L, 10_000_000L);
    assertThat(h.cumulativeWeights()).containsExactly(90.0, 100.0);

    ServiceTime.Histogram single = (ServiceTime.Histogram) ServiceTime.parse("histogram(3ms:1)");
    assertThat(single.valuesNanos()).containsExactly(3_000_000L);
    assertThat(single.cumulativeWeights()).containsExactly(1.0);
  }

  @Test
  void histogramsWithTheSameBucketsAreEqual() {
    ServiceTime a = ServiceTime.parse("histogram(1ms:90,10ms:10)");
    assertThat(a)
        .isEqualTo(ServiceTime.parse("histogram( 1ms:90 , 10ms:10 )"))
        .hasSameHashCodeAs(ServiceTime.parse("histogram(1ms:90,10ms:10)"))
        .isNotEqualTo(ServiceTime.parse("histogram(1ms:90,10ms:20)"))
        .hasToString("Histogram[valuesNanos=[1000000, 10000000], cumulativeWeights=[90.0, 100.0]]");
  }

  @Test
  void histogramArraysCannotBeChangedFromOutside() {
    long[] values = {1_000_000L};
    ServiceTime.Histogram h = new ServiceTime.Histogram(values, new double[] {1.0});
    values[0] = 5;
    h.valuesNanos()[0] = 7;
    assertThat(h.valuesNanos()).containsExactly(1_000_000L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "fast",
        "2ms",
        "Constant(2ms)",
        "uniform(1ms,2ms)",
        "constant 2ms",
        "constant(2ms)x"
      })
  void rejectsTextThatIsNotADistribution(String text) {
    assertThatThrownBy(() -> ServiceTime.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"" + text + "\"" + FORMS);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> ServiceTime.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"null\"" + FORMS);
  }

  @Test
  void rejectsWrongArgumentCounts() {
    assertThatThrownBy(() -> ServiceTime.parse("constant()"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"constant()\" takes 1 duration argument");
    assertThatThrownBy(() -> ServiceTime.parse("constant(1ms,2ms)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"constant(1ms,2ms)\" takes 1 duration argument");
    assertThatThrownBy(() -> ServiceTime.parse("normal(5ms)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"normal(5ms)\" takes 2 duration arguments");
    assertThatThrownBy(() -> ServiceTime.parse("normal(,1ms)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"normal(,1ms)\" takes 2 duration arguments");
    assertThatThrownBy(() -> ServiceTime.parse("lognormal(1ms,2ms,3ms)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"lognormal(1ms,2ms,3ms)\" takes 2 duration arguments");
  }

  @Test
  void rejectsBadDurationArguments() {
    assertThatThrownBy(() -> ServiceTime.parse("constant(2)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"2\" is not a duration (expected e.g. 500ms, 30s, 5m, 1h30m)");
    assertThatThrownBy(() -> ServiceTime.parse("normal(5ms,fast)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"fast\" is not a duration (expected e.g. 500ms, 30s, 5m, 1h30m)");
  }

  @Test
  void rejectsLogNormalWithP99BelowP50OrZeroMedian() {
    assertThatThrownBy(() -> ServiceTime.parse("lognormal(20ms,2ms)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"lognormal(20ms,2ms)\": lognormal needs 0 < p50 <= p99");
    assertThatThrownBy(() -> ServiceTime.parse("lognormal(0ms,2ms)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"lognormal(0ms,2ms)\": lognormal needs 0 < p50 <= p99");
  }

  @Test
  void rejectsMalformedHistograms() {
    assertThatThrownBy(() -> ServiceTime.parse("histogram(1ms)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"histogram(1ms)\": histogram buckets are value:weight, e.g. 1ms:90");
    assertThatThrownBy(() -> ServiceTime.parse("histogram(1ms:2:3)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"histogram(1ms:2:3)\": histogram buckets are value:weight, e.g. 1ms:90");
    assertThatThrownBy(() -> ServiceTime.parse("histogram(1ms:90:)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"histogram(1ms:90:)\": histogram buckets are value:weight, e.g. 1ms:90");
    assertThatThrownBy(() -> ServiceTime.parse("histogram(1ms:ninety)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"histogram(1ms:ninety)\": weight \"ninety\" is not a whole number");
    assertThatThrownBy(() -> ServiceTime.parse("histogram(1ms:0,2ms:0)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"histogram(1ms:0,2ms:0)\": histogram weights must add up to more than 0");
    assertThatThrownBy(() -> ServiceTime.parse("histogram(x:1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"x\" is not a duration (expected e.g. 500ms, 30s, 5m, 1h30m)");
  }

  @Test
  void rejectsNegativeHistogramWeights() {
    assertThatThrownBy(() -> ServiceTime.parse("histogram(1ms:10,2ms:-5,3ms:5)"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constantAlwaysReturnsItsValue() {
    ServiceTime st = ServiceTime.parse("constant(2ms)");
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      assertThat(st.sampleNanos(random)).isEqualTo(2_000_000L);
    }
  }

  @Test
  void normalSamplesHaveTheGivenMeanAndStandardDeviation() {
    ServiceTime st = ServiceTime.parse("normal(5ms,1ms)");
    long[] s = samples(st, 42);
    double mean = Arrays.stream(s).average().orElseThrow();
    double var = Arrays.stream(s).mapToDouble(x -> (x - mean) * (x - mean)).sum() / s.length;
    assertThat(mean).isCloseTo(5_000_000, within(50_000.0));
    assertThat(Math.sqrt(var)).isCloseTo(1_000_000, within(30_000.0));
  }

  @Test
  void normalSamplesAreNeverNegative() {
    long[] s = samples(ServiceTime.parse("normal(1ms,10ms)"), 7);
    assertThat(Arrays.stream(s).min().orElseThrow()).isZero();
    assertThat(Arrays.stream(s).filter(x -> x == 0).count())
        .as("about 46% of N(1,10) lies below 0")
        .isBetween((long) (SAMPLES * 0.43), (long) (SAMPLES * 0.49));
  }

  @Test
  void logNormalHasTheGivenMedianAndP99() {
    long[] s = samples(ServiceTime.parse("lognormal(2ms,20ms)"), 2024);
    Arrays.sort(s);
    assertThat(percentile(s, 0.50)).isCloseTo(2_000_000, within(40_000.0));
    assertThat(percentile(s, 0.99)).isCloseTo(20_000_000, within(1_000_000.0));
    assertThat(s[0]).isPositive();
  }

  @Test
  void logNormalWithEqualPercentilesIsConstant() {
    long[] s = samples(ServiceTime.parse("lognormal(3ms,3ms)"), 3);
    assertThat(Arrays.stream(s).distinct().toArray()).containsExactly(3_000_000L);
  }

  @Test
  void histogramSamplesFollowTheWeights() {
    long[] s = samples(ServiceTime.parse("histogram(1ms:90,10ms:10)"), 99);
    long ones = Arrays.stream(s).filter(x -> x == 1_000_000L).count();
    long tens = Arrays.stream(s).filter(x -> x == 10_000_000L).count();
    assertThat(ones + tens).isEqualTo(SAMPLES);
    assertThat(ones / (double) SAMPLES).isCloseTo(0.90, within(0.01));
    assertThat(tens / (double) SAMPLES).isCloseTo(0.10, within(0.01));
  }

  @Test
  void histogramBucketWithZeroWeightIsNeverSampled() {
    long[] s = samples(ServiceTime.parse("histogram(1ms:0,2ms:1,3ms:3)"), 5);
    assertThat(Arrays.stream(s).filter(x -> x == 1_000_000L).count()).isZero();
    long threes = Arrays.stream(s).filter(x -> x == 3_000_000L).count();
    assertThat(threes / (double) SAMPLES).isCloseTo(0.75, within(0.01));
  }

  @Test
  void samplingIsReproducibleForTheSameSeed() {
    ServiceTime st = ServiceTime.parse("lognormal(2ms,20ms)");
    assertThat(samples(st, 11)).containsExactly(samples(st, 11));
  }

  private static long[] samples(ServiceTime st, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] out = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      out[i] = st.sampleNanos(random);
    }
    return out;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[(int) Math.ceil(p * sorted.length) - 1];
  }
}
