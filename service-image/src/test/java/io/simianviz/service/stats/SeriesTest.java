package io.simianviz.service.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SeriesTest {
  private final Series series = new Series(Series.Kind.SERVICE, "web", "GET");

  @Test
  void countsWhatEveryThreadRecorded() throws InterruptedException {
    int threads = 4;
    int each = 10_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread w =
          Thread.ofPlatform()
              .start(
                  () -> {
                    await(start);
                    for (int i = 0; i < each; i++) {
                      series.record(100 + offset, i % 10 == 0);
                    }
                  });
      writers.add(w);
    }
    start.countDown();
    // Reading while the writers write must neither lose nor double values.
    while (writers.stream().anyMatch(Thread::isAlive)) {
      series.histogram();
    }
    for (Thread w : writers) {
      w.join();
    }

    assertThat(series.count()).isEqualTo(threads * each);
    assertThat(series.errors()).isEqualTo(threads * each / 10);
    assertThat(series.histogram().getTotalCount()).isEqualTo(threads * each);
    assertThat(series.histogram().getMaxValue()).isBetween(103L, 104L);
  }

  @Test
  void resetForgetsEarlierValuesButNotLaterOnes() throws InterruptedException {
    series.record(5_000, true);
    Thread other = Thread.ofPlatform().start(() -> series.record(7_000, false));
    other.join();

    series.reset();
    assertThat(series.count()).isZero();
    assertThat(series.errors()).isZero();
    assertThat(series.histogram().getTotalCount()).isZero();

    series.record(20, false);
    Thread again = Thread.ofPlatform().start(() -> series.record(30, true));
    again.join();
    assertThat(series.count()).isEqualTo(2);
    assertThat(series.errors()).isEqualTo(1);
    assertThat(series.histogram().getMaxValue()).isBetween(30L, 31L);
    assertThat(series.stats().p50()).isEqualTo(0.02);
  }

  @Test
  void clampsValuesOutsideTheRange() {
    series.record(0, false);
    series.record(Long.MAX_VALUE, false);

    assertThat(series.histogram().getMinValue()).isEqualTo(1);
    assertThat(series.histogram().getMaxValue())
        .isGreaterThanOrEqualTo(Series.HIGHEST_MICROS)
        .isLessThan(Series.HIGHEST_MICROS * 101 / 100);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
