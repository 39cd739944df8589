package io.simianviz.service.call;

import io.simianviz.service.InstanceConfig;
import io.simianviz.service.Reply;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.trace.TraceContext;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The error replies of a call that got no answer: what the caller's own caller reads, so each says
 * which tier and instance, and why (a timeout, a refusal, this process's own limits).
 */
final class CallFailures {
  private CallFailures() {}

  /** No instance of the tier is registered at all. */
  static Reply noInstance(String tier, InstanceConfig caller) {
    return Reply.error(
        Reply.NO_INSTANCE,
        "no instance of tier "
            + tier
            + " is available to "
            + caller.name()
            + " (region "
            + caller.region()
            + ", any zone)");
  }

  /** The request's deadline leaves no time for a call. */
  static Reply noTimeLeft(String tier, InstanceConfig caller, TraceContext parent) {
    return Reply.error(
        Reply.TIMEOUT,
        "no time left to call "
            + tier
            + " from "
            + caller.name()
            + ": the request's deadline is "
            + (parent.remainingNanos() <= 0
                ? "past"
                : parent.remainingNanos() / 1000 + " microseconds away"));
  }

  /** The last attempt failed: timed out, refused, or held back by this process's own limits. */
  static Reply failure(Endpoint target, Throwable err, boolean timedOut, Duration timeout) {
    if (PoolFull.hit(err)) {
      return Reply.error(
          Reply.NO_INSTANCE,
          "no connection free for "
              + target.tier()
              + " at "
              + target.address()
              + ": "
              + err.getMessage()
              + " (this process's calls to it are queued to the limit)");
    }
    return Reply.error(
        timedOut ? Reply.TIMEOUT : Reply.DEPENDENCY_FAILED,
        (timedOut ? "timed out calling " : "failed calling ")
            + target.tier()
            + " at "
            + target.address()
            + ": "
            + (timedOut && !(err instanceof TimeoutException)
                ? "no answer within " + timeout.toMillis() + " ms"
                : err.getMessage())
            + (FileLimit.hit(err)
                ? " (this process is out of file descriptors: see ulimit -n)"
                : ""));
  }
}
