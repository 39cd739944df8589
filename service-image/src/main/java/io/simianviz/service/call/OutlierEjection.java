package io.simianviz.service.call;

import io.simianviz.service.discovery.Endpoint;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Passive outlier detection, shared by every caller in the process: an instance that refuses a
 * connection, or leaves {@link #TIMEOUTS_TO_EJECT} attempts in a row unanswered, is skipped for the
 * ejection period (moved behind every other candidate, still a last resort). Envoy's
 * consecutive-gateway-failure detection does the same: without it an instance that is up but
 * unreachable (an {@code isolate} outage) would cost every call to it a whole timeout, for ever.
 * Any answer, an error reply included, shows the instance reachable and ends its run of timeouts.
 * Failures that say nothing about the instance (this process out of file descriptors, its queue for
 * the instance's connections full) count for neither.
 */
public final class OutlierEjection {
  /**
   * Timeouts in a row that eject an instance: more than one, as a single pause (a GC, a burst) is
   * no reason to send its share elsewhere; few, so callers move on within a couple of timeouts.
   */
  public static final int TIMEOUTS_TO_EJECT = 3;

  private final long ejectionNanos;
  private final Map<String, Long> ejectedUntil = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> timeoutRuns = new ConcurrentHashMap<>();

  public OutlierEjection(Duration ejection) {
    this.ejectionNanos = ejection.toNanos();
  }

  /** An attempt to this instance got an answer; nearly free while no instance is timing out. */
  void answered(Endpoint target) {
    if (!timeoutRuns.isEmpty()) {
      timeoutRuns.remove(target.address());
    }
  }

  /** An attempt to this instance failed. */
  void failed(Endpoint target, Throwable err, boolean timedOut) {
    if (FileLimit.hit(err) || PoolFull.hit(err)) {
      return;
    }
    String address = target.address();
    if (timedOut) {
      int run = timeoutRuns.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
      if (run < TIMEOUTS_TO_EJECT) {
        return;
      }
      timeoutRuns.remove(address);
    }
    ejectedUntil.put(address, System.nanoTime() + ejectionNanos);
  }

  /** Instances ejected now; expired ejections are forgotten on the way. */
  Predicate<Endpoint> ejected() {
    if (ejectedUntil.isEmpty()) {
      return e -> false;
    }
    long now = System.nanoTime();
    return e -> {
      Long until = ejectedUntil.get(e.address());
      if (until == null) {
        return false;
      }
      if (until - now > 0) {
        return true;
      }
      ejectedUntil.remove(e.address(), until);
      return false;
    };
  }

  /** Ejected addresses with the nanoTime until which callers skip them. */
  public Map<String, Long> ejectedUntil() {
    return ejectedUntil;
  }
}
