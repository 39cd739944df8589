package io.simianviz.service.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.Fleet;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deadlines shorter than the timeout, in any order: each fails at its own time, not before. */
class ShorterDeadlinesTest {
  private static final long TIMEOUT_MS = 200;

  final Vertx vertx = Vertx.vertx();
  final CallDeadlines deadlines = new CallDeadlines(vertx, TIMEOUT_MS);

  @AfterEach
  void stop() {
    deadlines.close();
    Fleet.await(vertx.close());
  }

  @Test
  void shorterDeadlinesStartedOutOfOrderEachFailAtTheirOwnTime() {
    Context context = vertx.getOrCreateContext();
    long[] afterMs = {150, 30, 90, 60, 120, 10};
    List<Future<Long>> failedAfterMs = new ArrayList<>();
    Promise<Void> started = Promise.promise();
    context.runOnContext(
        v -> {
          long start = System.nanoTime();
          for (long ms : afterMs) {
            Promise<Long> failed = Promise.promise();
            failedAfterMs.add(failed.future());
            CallDeadline d = deadlines.start(TimeUnit.MILLISECONDS.toNanos(ms));
            d.future().onFailure(err -> failed.complete((System.nanoTime() - start) / 1_000_000));
          }
          // One answered in time keeps its answer.
          CallDeadline answered = deadlines.start(TimeUnit.MILLISECONDS.toNanos(100));
          answered.handle(Future.succeededFuture(null));
          assertThat(answered.future().succeeded()).isTrue();
          started.complete();
        });
    Fleet.await(started.future());

    for (int i = 0; i < afterMs.length; i++) {
      long failed = Fleet.await(failedAfterMs.get(i));
      assertThat(failed).as("deadline of %d ms", afterMs[i]).isGreaterThanOrEqualTo(afterMs[i]);
      // At most a sweep period late (10 ms here), with room for a slow machine.
      assertThat(failed).as("deadline of %d ms", afterMs[i]).isLessThan(afterMs[i] + 60);
    }
  }
}
