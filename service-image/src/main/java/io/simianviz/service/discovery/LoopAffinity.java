package io.simianviz.service.discovery;

import java.util.List;
import java.util.function.Supplier;

/**
 * Which of an instance's ports a call goes to, so that a hop stays on the caller's event loop. When
 * many instances share one process (the local runtime) each listens once per event loop ({@link
 * Endpoint#loopPorts}), on that loop, and a caller on loop k calls port k: the connection, the
 * callee's work and the reply are then all on one thread. A hop between two loops costs a wake-up
 * of the other thread per message, which on a lightly loaded machine is most of the CPU of a hop
 * (measured in docs/benchmarks.md). A caller off the event loops, and every caller of an endpoint
 * with one port (a pod), uses {@link Endpoint#port}.
 */
public final class LoopAffinity {
  private static final int NONE = -1;

  /** Per thread: [0] the loop it is, [1] a lane chosen for the next call, or {@link #NONE}. */
  @SuppressWarnings("ThreadLocalUsage")
  private static final ThreadLocal<int[]> THREAD =
      ThreadLocal.withInitial(() -> new int[] {NONE, NONE});

  private LoopAffinity() {}

  /** Marks the calling thread as event loop {@code index} of its process. */
  public static void markCurrentLoop(int index) {
    THREAD.get()[0] = index;
  }

  /** The event loop the calling thread is, or -1 off the marked loops. */
  public static int currentLoop() {
    return THREAD.get()[0];
  }

  /**
   * Runs {@code call} with its calls going to the loop {@code lane} picks (modulo the callee's
   * loops) instead of the caller's own: how a traffic source, which sends from one loop, spreads
   * its requests over every loop. A call that waits and sends later uses the caller's loop.
   */
  public static <T> T onLane(long lane, Supplier<T> call) {
    int[] thread = THREAD.get();
    int before = thread[1];
    thread[1] = (int) Math.floorMod(lane, Integer.MAX_VALUE);
    try {
      return call.get();
    } finally {
      thread[1] = before;
    }
  }

  /** The port of {@code target} a call from this thread goes to. */
  public static int port(Endpoint target) {
    List<Integer> ports = target.loopPorts();
    if (ports.isEmpty()) {
      return target.port();
    }
    int[] thread = THREAD.get();
    int loop = thread[1] != NONE ? thread[1] % ports.size() : thread[0];
    return loop >= 0 && loop < ports.size() ? ports.get(loop) : target.port();
  }
}
