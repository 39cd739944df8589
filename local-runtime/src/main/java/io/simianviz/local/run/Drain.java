package io.simianviz.local.run;

import io.simianviz.service.serve.Nanoservice;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * The wait of a drain: instances already out of discovery (no new call chooses them) keep serving
 * until every call they have open is answered ({@link Nanoservice#inFlight}: the requests they
 * serve, and those their traffic source sent), at most for the longest drain. Then they can stop
 * without failing a call.
 *
 * <p>The count must stay at 0 for {@link #QUIET} before the drain ends, so a drain lasts that long
 * at least: a call that chose an instance just before it left discovery may still be on its way
 * (written by its caller, not yet read by the server), and is counted once it arrives.
 */
public final class Drain {
  /** How long the count must read 0, from the start of the drain on. */
  public static final Duration QUIET = Duration.ofMillis(100);

  /** How often the count is read. */
  static final long POLL_MILLIS = 10;

  /**
   * How a drain ended.
   *
   * @param open calls still open at the end: 0 unless it ended at the longest drain
   * @param tookMillis how long it waited
   */
  public record Outcome(long open, long tookMillis) {
    /** Whether every open call was answered before the drain ended. */
    public boolean complete() {
      return open == 0;
    }
  }

  private Drain() {}

  /**
   * Waits until none of {@code instances} has a call open, and has had none for {@link #QUIET}, or
   * until {@code longest} has passed, whichever comes first.
   */
  public static Future<Outcome> of(Vertx vertx, List<Nanoservice> instances, Duration longest) {
    long start = System.nanoTime();
    long quietNanos = QUIET.toNanos();
    long longestNanos = Math.max(quietNanos, longest.toNanos());
    Promise<Outcome> done = Promise.promise();
    long[] quietSince = {start};
    vertx.setPeriodic(
        POLL_MILLIS,
        id -> {
          long now = System.nanoTime();
          long open = open(instances);
          if (open > 0) {
            quietSince[0] = now;
          }
          boolean quiet = open == 0 && now - quietSince[0] >= quietNanos;
          if (quiet || now - start >= longestNanos) {
            vertx.cancelTimer(id);
            done.complete(new Outcome(open, (now - start) / 1_000_000));
          }
        });
    return done.future();
  }

  private static long open(List<Nanoservice> instances) {
    long open = 0;
    for (Nanoservice s : instances) {
      open += s.inFlight();
    }
    return open;
  }
}
