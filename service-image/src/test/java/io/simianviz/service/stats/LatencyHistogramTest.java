package io.simianviz.service.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bucket look-up by bit length puts every value where a search over the bounds would. */
class LatencyHistogramTest {
  private static int searched(long value) {
    int found = Arrays.binarySearch(LatencyHistogram.BOUNDS_MICROS, value);
    return found >= 0 ? found : -found - 1;
  }

  @Test
  void everyBoundAndItsNeighboursLandInTheSearchedBucket() {
    for (long bound : LatencyHistogram.BOUNDS_MICROS) {
      for (long value = bound - 2; value <= bound + 2; value++) {
        assertThat(LatencyHistogram.bucketOf(value))
            .as("value %d", value)
            .isEqualTo(searched(value));
      }
    }
    for (int bits = 0; bits < 63; bits++) {
      long value = 1L << bits;
      assertThat(LatencyHistogram.bucketOf(value)).isEqualTo(searched(value));
      assertThat(LatencyHistogram.bucketOf(value - 1)).isEqualTo(searched(value - 1));
    }
    assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(searched(Long.MAX_VALUE));
  }

  @Test
  void randomValuesLandInTheSearchedBucket() {
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 100_000; i++) {
      long value = random.nextLong(0, 1L << random.nextInt(1, 40));
      assertThat(LatencyHistogram.bucketOf(value)).isEqualTo(searched(value));
    }
  }

  @Test
  void aRecordedValueIsCountedInItsBucket() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(250, false);
    histogram.record(251, true);

    LatencyHistogram.Snapshot s = histogram.snapshot();
    assertThat(s.cumulative(0)).isZero();
    assertThat(s.cumulative(1)).isEqualTo(1);
    assertThat(s.cumulative(2)).isEqualTo(2);
    assertThat(s.errors()).isEqualTo(1);
    assertThat(s.sumMicros()).isEqualTo(501);
  }
}
