package io.simianviz.service.call;

import io.simianviz.service.Reply;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VertxException;
import io.vertx.core.impl.ContextInternal;
import java.util.concurrent.TimeoutException;

/**
 * One attempt's deadline: the attempt answers with what its transport returns, or fails with a
 * {@link TimeoutException} once {@link CallDeadlines} finds it past its deadline, whichever comes
 * first. A transport registers how to give up on the attempt ({@link #abortWith}): resetting the
 * request frees a pooled connection not yet written to, or closes one an answer is still due on.
 * Touched only on the event loop that sent the attempt (or under the timer of a caller off the
 * event loops), so it needs no synchronization.
 */
public final class CallDeadline implements Handler<AsyncResult<Reply>> {
  /** What a transport returns for an attempt it did not send because the deadline had passed. */
  static VertxException tooLate() {
    return new VertxException("the call's deadline passed before it was sent", true);
  }

  private final long atNanos;
  private final long timeoutMs;

  /** The caller's context, where the timeout is delivered; null under a timer of its own. */
  private final ContextInternal context;

  private Runnable abort;
  private boolean settled;

  /**
   * Who hears the outcome: the caller's own callback, called directly, so that an attempt costs no
   * future of its own on the way (each completion a context dispatch and a listener).
   */
  private Handler<AsyncResult<Reply>> then;

  /**
   * The outcome once settled, for a {@link #future} asked for later; not kept once handed to {@link
   * #then}'s callback: a settled deadline may wait in its sweep's queue up to a timeout, and should
   * not hold the reply (and its buffer) that long.
   */
  private AsyncResult<Reply> outcome;

  /** Made only when {@link #future} is asked for. */
  private Promise<Reply> result;

  CallDeadline(long atNanos, long timeoutMs, ContextInternal context) {
    this.atNanos = atNanos;
    this.timeoutMs = timeoutMs;
    this.context = context;
  }

  /** The attempt's outcome: its transport's, or a timeout at the deadline. */
  public Future<Reply> future() {
    if (result == null) {
      result = Promise.promise();
      if (outcome != null) {
        result.handle(outcome);
      }
    }
    return result.future();
  }

  /**
   * Hands the attempt's outcome to {@code handler} once it is known (at once if it is), instead of
   * to {@link #future}.
   */
  void then(Handler<AsyncResult<Reply>> handler) {
    AsyncResult<Reply> done = outcome;
    if (done != null) {
      outcome = null;
      handler.handle(done);
    } else {
      then = handler;
    }
  }

  /**
   * How to give up on the attempt once its deadline passes; false when it has already passed (the
   * caller then gives up at once, e.g. a connection that came after the wait was over).
   */
  public boolean abortWith(Runnable action) {
    if (settled) {
      return false;
    }
    abort = action;
    return true;
  }

  /** The transport's outcome, if the deadline has not passed first. */
  @Override
  public void handle(AsyncResult<Reply> transportOutcome) {
    if (settled) {
      return;
    }
    settled = true;
    abort = null;
    settle(transportOutcome);
  }

  /** The timeout the deadline was set with, for what a transport bounds itself. */
  public long timeoutMs() {
    return timeoutMs;
  }

  /** Nanoseconds until the deadline, negative once past: what the callee is told it has. */
  public long remainingNanos() {
    return atNanos - System.nanoTime();
  }

  long atNanos() {
    return atNanos;
  }

  boolean settled() {
    return settled;
  }

  /**
   * The deadline passed, seen by a sweep on the caller's event loop: the timeout is delivered in
   * the caller's context, as a timer of its own would have been, so a retry it starts is sent from
   * there.
   */
  void expireOnItsContext() {
    if (!settled) {
      context.emit(this, CallDeadline::expire);
    }
  }

  /** The deadline passed: abort what the transport has under way, then fail the attempt. */
  void expire() {
    if (settled) {
      return;
    }
    settled = true;
    Runnable action = abort;
    abort = null;
    // Abort first: what the transport then reports is ignored, and the retry that the timeout may
    // start finds the connection already given back (or closed).
    if (action != null) {
      action.run();
    }
    settle(Future.failedFuture(new TimeoutException("no answer within " + timeoutMs + " ms")));
  }

  private void settle(AsyncResult<Reply> done) {
    Handler<AsyncResult<Reply>> callback = then;
    if (callback != null) {
      then = null;
      callback.handle(done);
    } else {
      outcome = done;
    }
    if (result != null) {
      result.handle(done);
    }
  }
}
