package io.simianviz.service.serve;

import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.DeadlineHeaders;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.MultiMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One request as this instance serves it, from arrival to reply: its place in the trace and when it
 * started. The same for every protocol; only how it arrived differs.
 *
 * @param parent the caller's trace context, null when the request carried none
 * @param span this hop's own context: a child of the parent, or a new root; with the caller's
 *     deadline when the request carried one
 * @param protocol how the request arrived
 * @param startNanos monotonic start, for the latency (the span's wall-clock start is derived from
 *     it when the span is exported: one read of the wall clock per exported span, none otherwise)
 */
record Hop(TraceContext parent, TraceContext span, Protocol protocol, long startNanos) {

  /**
   * A request that just arrived with these headers (HTTP headers or gRPC metadata).
   *
   * @param sampleRate the chance that a request without trace context starts a recorded trace
   */
  static Hop arrived(MultiMap headers, Protocol protocol, double sampleRate) {
    long startNanos = System.nanoTime();
    TraceContext parent = TraceContext.fromHeaders(headers);
    // A request without trace context starts a trace here, as the first hop of it.
    TraceContext span =
        (parent != null
                ? parent
                : TraceContext.root(ThreadLocalRandom.current().nextDouble() < sampleRate))
            .child();
    // The caller's deadline, from the time left it sent, counted from arrival (no second read of
    // the clock): without one, as long as the calls take.
    long timeLeft = DeadlineHeaders.remainingNanos(headers, protocol);
    if (timeLeft != DeadlineHeaders.NONE) {
      span = span.withDeadline(startNanos + Math.max(0, timeLeft));
    }
    return new Hop(parent, span, protocol, startNanos);
  }

  /** Microseconds since this hop arrived. */
  long elapsedMicros() {
    return (System.nanoTime() - startNanos) / 1000;
  }
}
