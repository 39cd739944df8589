package io.simianviz.local.host;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for a run: a JVM shutdown hook that asks the run to stop and then holds the JVM until the
 * run has finished (at most 60 s), so the outputs are written before it exits. {@link #close}
 * removes it once the run is over.
 */
public final class StopHook implements AutoCloseable {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private StopHook() {
    this.hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                finished.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "simianviz-shutdown");
  }

  /** Installs the hook. */
  public static StopHook install() {
    StopHook h = new StopHook();
    Runtime.getRuntime().addShutdownHook(h.hook);
    return h;
  }

  /** Counted down when the JVM is asked to exit. */
  public CountDownLatch stop() {
    return stop;
  }

  /** The run is over: lets an exit that waits go on, and removes the hook. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the hook is running and waits for `finished`, which is now counted down.
    }
  }
}
