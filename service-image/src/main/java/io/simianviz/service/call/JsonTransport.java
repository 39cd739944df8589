package io.simianviz.service.call;

import io.netty.util.AsciiString;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.discovery.LoopAffinity;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.function.Function;

/**
 * JSON calls, {@code POST /request}: over HTTP/1.1 or HTTP/2, whichever the given client speaks.
 */
public final class JsonTransport implements Transport {
  /** Header names and values encoded once, not on every call. */
  public static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  private static final CharSequence TRACEPARENT = AsciiString.cached(TraceContext.TRACEPARENT);
  private static final CharSequence HOPS = AsciiString.cached(TraceContext.HOPS);
  private static final CharSequence TIME_LEFT = AsciiString.cached(DeadlineHeaders.JSON);

  private final Function<String, HttpClient> clientOfTier;

  /**
   * @param clientOfTier the client to call an instance of a tier with
   */
  JsonTransport(Function<String, HttpClient> clientOfTier) {
    this.clientOfTier = clientOfTier;
  }

  @Override
  public void send(Endpoint target, Request request, TraceContext parent, CallDeadline deadline) {
    // No timeout of the request's own (a timer per call): the deadline's sweep resets it. The
    // client's connect timeout, the same, bounds a wait for a pooled connection that the sweep
    // cannot cancel, and arms a timer only when the call has to wait.
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(target.host())
            .setPort(LoopAffinity.port(target))
            .setURI(Nanoservice.REQUEST_PATH)
            .setConnectTimeout(deadline.timeoutMs());
    // Callbacks, not a chain of composed futures: each stage of a chain is one more promise, one
    // more listener and one more dispatch on the caller's context, on every call.
    clientOfTier
        .apply(target.tier())
        .request(
            options,
            ar -> {
              if (ar.failed()) {
                deadline.handle(Future.failedFuture(ar.cause()));
              } else {
                send(ar.result(), request, parent, deadline);
              }
            });
  }

  private static void send(
      HttpClientRequest r, Request request, TraceContext parent, CallDeadline deadline) {
    // A failure reaches the caller through the response; without a handler Vert.x would also log
    // every reset or closed call as an ERROR on the console.
    r.exceptionHandler(JsonTransport::reportedThroughTheResponse);
    if (!deadline.abortWith(r::reset)) {
      // Too late: the connection goes back to the pool unused (the deadline has its outcome).
      r.reset();
      return;
    }
    r.putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .putHeader(TRACEPARENT, parent.traceparent())
        .putHeader(HOPS, parent.hopsHeader())
        // What is left of this attempt once it has its connection: the callee stops then.
        .putHeader(TIME_LEFT, DeadlineHeaders.json(deadline.remainingNanos()))
        .response(
            ar -> {
              if (ar.failed()) {
                deadline.handle(Future.failedFuture(ar.cause()));
                return;
              }
              HttpClientResponse resp = ar.result();
              // The reply stays the bytes it came as: most callers pass it on without looking.
              resp.body(
                  body ->
                      deadline.handle(
                          body.succeeded()
                              ? Future.succeededFuture(
                                  Reply.fromWire(resp.statusCode(), body.result()))
                              : Future.failedFuture(body.cause())));
            })
        // No promise for the write: a failed write fails the response above.
        .end(request.toBuffer(), null);
  }

  private static void reportedThroughTheResponse(Throwable err) {}
}
