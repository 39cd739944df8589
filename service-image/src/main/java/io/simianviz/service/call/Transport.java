package io.simianviz.service.call;

import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;

/** How a caller sends one request to one instance, in one protocol. */
public interface Transport {
  /**
   * Sends a request once, with the caller's span as the parent in the trace context.
   *
   * @param timeoutMs for connecting, and for silence while waiting for the answer
   * @return the instance's reply, an error status included; a failed future when the instance could
   *     not be reached or did not answer in time ({@link java.util.concurrent.TimeoutException})
   */
  Future<Reply> send(Endpoint target, Request request, TraceContext parent, long timeoutMs);
}
