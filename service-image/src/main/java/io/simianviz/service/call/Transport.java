package io.simianviz.service.call;

import io.simianviz.service.Request;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.trace.TraceContext;

/** How a caller sends one request to one instance, in one protocol. */
public interface Transport {
  /**
   * Sends a request once, with the caller's span as the parent in the trace context. The attempt's
   * deadline is the caller's ({@link CallDeadline}): the transport tells it how to give up on the
   * request, and does not send one whose deadline passed while it waited for a connection. The
   * outcome goes to the deadline ({@link CallDeadline#handle}), not to a future of its own: the
   * instance's reply, an error status included, or a failure when the instance could not be
   * reached.
   */
  void send(Endpoint target, Request request, TraceContext parent, CallDeadline deadline);
}
