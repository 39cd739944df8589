package io.simianviz.service.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.Fleet;
import io.simianviz.service.Reply;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deadlines kept by a sweep per event loop: a call fails at its deadline, not before, once. */
class CallDeadlinesTest {
  private static final long TIMEOUT_MS = 200;

  final Vertx vertx = Vertx.vertx();
  final CallDeadlines deadlines = new CallDeadlines(vertx, TIMEOUT_MS);

  @AfterEach
  void stop() {
    deadlines.close();
    Fleet.await(vertx.close());
  }

  /** What a deadline started on an event loop came to, and where it was delivered. */
  record Outcome(Throwable failure, long afterMs, boolean onCallersContext, boolean aborted) {}

  private Outcome startAndWait(boolean answer) {
    Context context = vertx.getOrCreateContext();
    Promise<Outcome> outcome = Promise.promise();
    AtomicBoolean aborted = new AtomicBoolean();
    context.runOnContext(
        v -> {
          long start = System.nanoTime();
          CallDeadline deadline = deadlines.start();
          assertThat(deadline.abortWith(() -> aborted.set(true))).isTrue();
          deadline
              .future()
              .onComplete(
                  ar ->
                      outcome.complete(
                          new Outcome(
                              ar.cause(),
                              (System.nanoTime() - start) / 1_000_000,
                              Vertx.currentContext() == context,
                              aborted.get())));
          if (answer) {
            vertx.setTimer(TIMEOUT_MS / 4, id -> deadline.handle(Future.succeededFuture(null)));
          }
        });
    return Fleet.await(outcome.future());
  }

  @Test
  void aCallNotAnsweredFailsAtItsDeadlineOnTheCallersContextAndIsAborted() {
    Outcome outcome = startAndWait(false);

    assertThat(outcome.failure()).isInstanceOf(TimeoutException.class);
    assertThat(outcome.failure().getMessage()).isEqualTo("no answer within 200 ms");
    assertThat(outcome.afterMs()).isGreaterThanOrEqualTo(TIMEOUT_MS);
    assertThat(outcome.onCallersContext()).isTrue();
    assertThat(outcome.aborted()).isTrue();
  }

  @Test
  void aCallAnsweredInTimeKeepsItsAnswerAndIsNotAborted() {
    Outcome outcome = startAndWait(true);

    assertThat(outcome.failure()).isNull();
    assertThat(outcome.aborted()).isFalse();
  }

  @Test
  void anAnswerAfterTheDeadlineIsIgnoredAndATransportTooLateIsTold() throws Exception {
    Context context = vertx.getOrCreateContext();
    Promise<CallDeadline> expired = Promise.promise();
    context.runOnContext(
        v -> {
          CallDeadline deadline = deadlines.start();
          deadline.future().onFailure(err -> expired.complete(deadline));
        });
    CallDeadline deadline = Fleet.await(expired.future());
    AtomicReference<Reply> late = new AtomicReference<>();

    deadline.handle(Future.succeededFuture(Reply.error(Reply.OK, "late")));
    deadline.future().onSuccess(late::set);

    assertThat(deadline.future().failed()).isTrue();
    assertThat(late.get()).isNull();
    assertThat(deadline.abortWith(() -> {})).isFalse();
  }

  @Test
  void aShorterDeadlineStartedAfterAFullOneFailsFirstAtItsOwnTime() {
    Context context = vertx.getOrCreateContext();
    Promise<Long> shorterFailedAfterMs = Promise.promise();
    AtomicBoolean fullStillWaiting = new AtomicBoolean();
    context.runOnContext(
        v -> {
          CallDeadline full = deadlines.start();
          long start = System.nanoTime();
          // A request with little time left: behind the full one in send order, due before it.
          CallDeadline shorter = deadlines.start(TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS / 4));
          shorter
              .future()
              .onFailure(
                  err -> {
                    fullStillWaiting.set(!full.future().isComplete());
                    shorterFailedAfterMs.complete((System.nanoTime() - start) / 1_000_000);
                  });
        });

    long afterMs = Fleet.await(shorterFailedAfterMs.future());

    assertThat(afterMs).isGreaterThanOrEqualTo(TIMEOUT_MS / 4).isLessThan(TIMEOUT_MS);
    assertThat(fullStillWaiting).isTrue();
  }
}
