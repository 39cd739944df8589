package io.simianviz.local.run;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * The clocks of a local run: time since it started (the console's and the live view's), when every
 * instance was up, and the measured window (from the end of start-up or of the warm-up until the
 * traffic stopped) with the CPU time the process spent in it.
 */
public final class RunClock {
  private final long startNanos = System.nanoTime();
  private volatile long startupMillis;
  private volatile long measuredFromMillis;
  private volatile long measuredFromCpuNanos;
  private volatile long measuredToMillis = -1;

  /** Milliseconds since the run started. */
  public long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Every instance is up: the measured window starts now, unless a warm-up follows. */
  public void startedUp() {
    startupMillis = elapsedMillis();
    measuredFromCpuNanos = processCpuNanos();
  }

  /** The warm-up is over: the measured window starts now. */
  public void warmedUp() {
    measuredFromMillis = elapsedMillis();
    measuredFromCpuNanos = processCpuNanos();
  }

  /** The traffic stopped: the measured window ends now. */
  public void trafficStopped() {
    measuredToMillis = elapsedMillis();
  }

  /** How long it took until every instance was up (0 while starting). */
  public long startupMillis() {
    return startupMillis;
  }

  /** When the measured period began: after start-up, or after the warm-up. */
  public long measuredFromMillis() {
    return Math.max(startupMillis, measuredFromMillis);
  }

  /**
   * How long the measured window lasted: from its start until the traffic stopped (until now while
   * it runs).
   */
  public long measuredMillis() {
    long to = measuredToMillis >= 0 ? measuredToMillis : elapsedMillis();
    return Math.max(0, to - measuredFromMillis());
  }

  /** CPU time this process spent since the measured period began (every thread, kernel too). */
  public long measuredCpuNanos() {
    return processCpuNanos() - measuredFromCpuNanos;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
