package io.simianviz.service.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.evolution.RateSchedule;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduledTrafficTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void aSourceWhoseScheduleStartsAt0StartsAtItsFirstSendingStepThenFollowsTheSteps()
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(3);
    RateSchedule rates = RateSchedule.parseSteps(0, "50ms=10,150ms=0,250ms=20");
    ScheduledTraffic.follow(
        vertx,
        TrafficSource.Options.of(0, 90, 10),
        rates,
        options -> {
          seen.add("start " + options);
          done.countDown();
          return rate -> {
            seen.add("rate " + rate);
            done.countDown();
          };
        });
    assertThat(seen).as("nothing sent before the first step that sends").isEmpty();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen)
        .containsExactly("start " + TrafficSource.Options.of(10, 90, 10), "rate 0.0", "rate 20.0");
  }

  @Test
  void aSourceThatSendsFromTheStartStartsAtOnceAtTheScheduleRate() {
    ScheduledTraffic.follow(
        vertx,
        TrafficSource.Options.of(100, 50, 50),
        RateSchedule.parseSteps(100, "0ms=40,1h=800"),
        options -> {
          seen.add("start " + options.rate());
          return rate -> seen.add("rate " + rate);
        });
    assertThat(seen).containsExactly("start 40.0");
  }
}
