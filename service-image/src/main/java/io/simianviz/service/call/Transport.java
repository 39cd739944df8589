package io.simianviz.service.call;

import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;

/** How a caller sends one request to one instance, in one protocol. */
public interface Transport {
  /**
   * Sends a request once, with the caller's span as the parent in the trace context. The attempt's
   * deadline is the caller's ({@link CallDeadline}): the transport tells it how to give up on the
   * request, and does not send one whose deadline passed while it waited for a connection.
   *
   * @return the instance's reply, an error status included; a failed future when the instance could
   *     not be reached
   */
  Future<Reply> send(Endpoint target, Request request, TraceContext parent, CallDeadline deadline);
}
