package io.simianviz.service.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.WindowFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Settling by send time, on a clock the test moves. */
class SettledCountersTest {
  private static final long DEADLINE = 1_000;

  /** 50 ms into a bucket. */
  private final AtomicLong clock = new AtomicLong(1_700_000_000_050L);

  private final SettledCounters counters =
      new SettledCounters(Duration.ofMillis(DEADLINE), clock::get);

  private final long firstBucketEnd = 1_700_000_000_100L;

  private SendBucket send() {
    return counters.sent(clock.get());
  }

  @Test
  void aBucketSettlesOnceItsEndIsOlderThanTheDeadlineAndWhatIsUnansweredIsLost() {
    counters.outcome(send(), 1_000, false);
    counters.outcome(send(), 2_000, true);
    SendBucket silent = send();

    assertThat(counters.settled().sent()).isZero();
    assertThat(counters.settled().throughMillis()).isEqualTo(firstBucketEnd - 100);
    clock.set(firstBucketEnd + DEADLINE - 1);
    assertThat(counters.settled().sent()).isZero();

    clock.set(firstBucketEnd + DEADLINE);
    TrafficReading reading = counters.settled();
    assertThat(reading.throughMillis()).isEqualTo(firstBucketEnd);
    assertThat(reading.sent()).isEqualTo(3);
    assertThat(reading.answered()).isEqualTo(1);
    assertThat(reading.errors()).isEqualTo(1);
    assertThat(reading.lost()).isEqualTo(1);
    assertThat(reading.latencyMicros().getTotalCount()).isEqualTo(2);

    // Too late: it stays lost, and is counted as a late answer only.
    counters.outcome(silent, 1_500_000, false);
    TrafficReading later = counters.settled();
    assertThat(later.answered()).isEqualTo(1);
    assertThat(later.lost()).isEqualTo(1);
    assertThat(later.latencyMicros().getTotalCount()).isEqualTo(2);
    assertThat(counters.lateAnswers()).isEqualTo(1);
  }

  @Test
  void settledNowTakesAnsweredBucketsThatAreOverInSendOrderWithoutWaiting() {
    counters.outcome(send(), 1_000, false);
    counters.outcome(send(), 1_000, false);
    clock.addAndGet(100);
    SendBucket inFlight = send();
    clock.addAndGet(100);
    counters.outcome(send(), 1_000, false);
    clock.addAndGet(100);

    TrafficReading first = counters.settledNow();
    assertThat(first.throughMillis()).isEqualTo(firstBucketEnd);
    assertThat(first.sent()).isEqualTo(2);

    counters.outcome(inFlight, 250_000, true);
    TrafficReading second = counters.settledNow();
    assertThat(second.throughMillis()).isEqualTo(firstBucketEnd + 200);
    assertThat(second.sent()).isEqualTo(4);
    assertThat(second.errors()).isEqualTo(1);
    assertThat(second.lost()).isZero();

    // The bucket under way may still get requests, until sending has ended.
    counters.outcome(send(), 1_000, false);
    assertThat(counters.settledNow().sent()).isEqualTo(4);
    counters.endSending();
    TrafficReading last = counters.settledNow();
    assertThat(last.sent()).isEqualTo(5);
    assertThat(last.throughMillis()).isEqualTo(firstBucketEnd + 300);
    assertThat(counters.unsettledBuckets()).isZero();
  }

  @Test
  void aSenderThatStalledPastASettledBucketCountsInTheNextOne() {
    counters.outcome(send(), 1_000, false);
    long stalledAt = clock.get();
    clock.addAndGet(100);
    assertThat(counters.settledNow().sent()).isEqualTo(1);

    SendBucket late = counters.sent(stalledAt);

    assertThat(late.index).isEqualTo(firstBucketEnd / 100);
    counters.outcome(late, 1_000, false);
    clock.addAndGet(100);
    TrafficReading reading = counters.settledNow();
    assertThat(reading.sent()).isEqualTo(2);
    assertThat(reading.answered()).isEqualTo(2);
  }

  @Test
  void onlyTheBucketsOfOneDeadlineAreKeptWhenNobodyReads() {
    for (int i = 0; i < 300; i++) {
      counters.outcome(send(), 1_000, false);
      send();
      clock.addAndGet(100);
    }
    assertThat(counters.unsettledBuckets()).isLessThanOrEqualTo((int) (DEADLINE / 100) + 2);
    clock.addAndGet(DEADLINE + 100);
    TrafficReading reading = counters.settled();
    assertThat(reading.sent()).isEqualTo(600);
    assertThat(reading.lost()).isEqualTo(300);
  }

  @Test
  void everyReadingAndEveryDifferenceOfTwoAddsUp() {
    Random random = new Random(13);
    List<SendBucket> outstanding = new ArrayList<>();
    List<TrafficReading> readings = new ArrayList<>();
    long requests = 0;
    long outcomes = 0;
    for (int step = 0; step < 2_000; step++) {
      clock.addAndGet(random.nextInt(40));
      for (int n = random.nextInt(4); n > 0; n--) {
        outstanding.add(send());
        requests++;
      }
      while (!outstanding.isEmpty() && random.nextInt(3) > 0) {
        SendBucket b = outstanding.remove(random.nextInt(outstanding.size()));
        // One in ten is never answered, one in ten answered after its deadline.
        int fate = random.nextInt(10);
        if (fate > 0) {
          if (fate == 1) {
            clock.addAndGet(DEADLINE + 200);
          }
          counters.outcome(b, 1 + random.nextInt(5_000_000), random.nextInt(8) == 0);
          outcomes++;
        }
      }
      if (random.nextInt(10) == 0) {
        readings.add(random.nextBoolean() ? counters.settled() : counters.settledNow());
      }
    }
    clock.addAndGet(2 * DEADLINE);
    readings.add(counters.settled());

    for (TrafficReading r : readings) {
      assertThat(r.answered() + r.errors() + r.lost()).isEqualTo(r.sent());
    }
    // Every window between two successive readings, and every one from the first.
    for (int j = 1; j < readings.size(); j++) {
      for (TrafficReading from : List.of(readings.get(j - 1), readings.getFirst())) {
        WindowFigures w = readings.get(j).since(from);
        assertThat(w.answered() + w.errors() + w.lost()).isEqualTo(w.requests());
        assertThat(w.toMillis()).isGreaterThanOrEqualTo(w.fromMillis());
      }
    }
    TrafficReading last = readings.getLast();
    assertThat(last.sent()).isEqualTo(requests);
    assertThat(last.answered() + last.errors() + counters.lateAnswers()).isEqualTo(outcomes);
    assertThat(last.latencyMicros().getTotalCount()).isEqualTo(last.answered() + last.errors());
    assertThat(counters.lateAnswers()).isPositive();
    assertThat(last.lost()).isPositive();
  }
}
