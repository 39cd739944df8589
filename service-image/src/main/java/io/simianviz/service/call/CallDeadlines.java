package io.simianviz.service.call;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.util.ArrayDeque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of the calls in flight, one queue and one periodic sweep per event loop instead of
 * a timer per call. Every attempt has the same timeout, so each event loop's queue is in deadline
 * order: a sweep fails the expired calls at its head and stops at the first one that is not, and a
 * new call first drops the answered calls at the head, so the queue holds little more than the
 * calls still waiting. A call whose request has less time left than the timeout gets a shorter
 * deadline ({@link #start(long)}); those few wait in a second queue of each sweep, ordered by
 * deadline. A call is failed at most one sweep period (a twentieth of the timeout) after its
 * deadline. A caller off the event loops (a test's thread) gets a timer of its own.
 */
public final class CallDeadlines {
  /** Sweeps per timeout: how late past its deadline a call may be failed, as a fraction. */
  static final int SWEEPS_PER_TIMEOUT = 20;

  private final Vertx vertx;
  private final long timeoutMs;
  private final long timeoutNanos;
  private final long periodNanos;

  // Per instance, not static: each process (a run, a test's fleet) has its own sweeps, and the
  // threads that hold them are its Vert.x's event loops, which end with it.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Sweep> sweeps = new ThreadLocal<>();

  private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public CallDeadlines(Vertx vertx, long timeoutMs) {
    if (timeoutMs <= 0) {
      throw new IllegalArgumentException("a call timeout must be positive: " + timeoutMs);
    }
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    this.periodNanos =
        Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeoutNanos / SWEEPS_PER_TIMEOUT);
  }

  /** A deadline one timeout from now for an attempt about to be sent. */
  public CallDeadline start() {
    return start(timeoutNanos);
  }

  /**
   * A deadline for an attempt about to be sent: one timeout from now, or {@code atMostNanos} from
   * now when that is sooner (the request's time left).
   */
  public CallDeadline start(long atMostNanos) {
    boolean full = atMostNanos >= timeoutNanos;
    long nanos = full ? timeoutNanos : Math.max(0, atMostNanos);
    long ms = full ? timeoutMs : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
    long at = System.nanoTime() + nanos;
    Context context = Vertx.currentContext();
    if (context instanceof ContextInternal internal
        && context.isEventLoopContext()
        && internal.nettyEventLoop().inEventLoop()
        && !closed) {
      CallDeadline deadline = new CallDeadline(at, ms, internal);
      sweepOf(internal.nettyEventLoop()).add(deadline, full);
      return deadline;
    }
    CallDeadline deadline = new CallDeadline(at, ms, null);
    vertx.setTimer(ms, id -> deadline.expire());
    return deadline;
  }

  /**
   * Stops the sweeps; calls still waiting are left to their transports (the clients close next).
   */
  public void close() {
    closed = true;
    scheduled.forEach(s -> s.cancel(false));
  }

  private Sweep sweepOf(EventLoop loop) {
    Sweep sweep = sweeps.get();
    if (sweep == null) {
      sweep = new Sweep();
      sweeps.set(sweep);
      // On the event loop itself, not a Vert.x context: no instance's undeployment can cancel it.
      scheduled.add(
          loop.scheduleAtFixedRate(sweep, periodNanos, periodNanos, TimeUnit.NANOSECONDS));
    }
    return sweep;
  }

  /**
   * One event loop's calls in flight: those with the full timeout oldest first, those with a
   * shorter deadline soonest first.
   */
  private static final class Sweep implements Runnable {
    private final ArrayDeque<CallDeadline> waiting = new ArrayDeque<>();
    private final PriorityQueue<CallDeadline> shorter =
        new PriorityQueue<>(
            (a, b) -> Long.compare(a.atNanos() - b.atNanos(), 0) /* nanoTime may wrap */);

    void add(CallDeadline deadline, boolean fullTimeout) {
      if (fullTimeout) {
        dropSettled(waiting);
        waiting.addLast(deadline);
      } else {
        dropSettled(shorter);
        shorter.add(deadline);
      }
    }

    @Override
    public void run() {
      long now = System.nanoTime();
      expire(waiting, now);
      expire(shorter, now);
    }

    private static void dropSettled(Queue<CallDeadline> queue) {
      CallDeadline head;
      while ((head = queue.peek()) != null && head.settled()) {
        queue.poll();
      }
    }

    private static void expire(Queue<CallDeadline> queue, long now) {
      CallDeadline head;
      while ((head = queue.peek()) != null && (head.settled() || head.atNanos() - now <= 0)) {
        queue.poll().expireOnItsContext();
      }
    }
  }
}
