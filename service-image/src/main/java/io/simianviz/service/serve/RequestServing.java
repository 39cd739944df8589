package io.simianviz.service.serve;

import io.simianviz.model.Defaults;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.behaviour.Behaviour;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happens to a request whatever protocol brought it: the tier's service time, injected errors,
 * the package's behaviour, the reply body every protocol carries (the answering instance and tier,
 * the padding), the caller's deadline, and the hop's statistics and span. A request whose caller's
 * deadline has passed (or nearly: {@link CallPolicy#DEADLINE_FLOOR}) is answered at once with a
 * timeout, before and again after the service time, and its work is not done. The protocol adapters
 * ({@link JsonCalls}, {@link GrpcCalls}) only read requests and write replies.
 */
final class RequestServing {
  private static final long DEADLINE_FLOOR_NANOS = CallPolicy.DEADLINE_FLOOR.toNanos();
  private static final byte[] INSTANCE_KEY = Reply.keyBytes("instance");
  private static final byte[] PAYLOAD_KEY = Reply.keyBytes("payload");

  private final ProcessContext process;
  private final InstanceConfig config;
  private final Behaviour behaviour;
  private final HopRecorder recorder;
  private final String payload;

  /** The padding as a JSON string: what a dependency's reply carries when it needs no change. */
  private final byte[] quotedPayload;

  /**
   * Requests that arrived and have no reply yet: what a drain waits for. One uncontended atomic add
   * on arrival and one on the reply; the requests of an instance mostly run on one event loop.
   */
  private final AtomicInteger inFlight = new AtomicInteger();

  RequestServing(
      ProcessContext process, InstanceConfig config, Behaviour behaviour, HopRecorder recorder) {
    this.process = process;
    this.config = config;
    this.behaviour = behaviour;
    this.recorder = recorder;
    this.payload = "x".repeat(Math.max(0, config.responseBytes()));
    this.quotedPayload = ("\"" + payload + "\"").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Starts a hop for a request that just arrived with these headers or gRPC metadata; it counts as
   * in flight until {@link #serve} hands its reply on or {@link #reject} answers it.
   */
  Hop arrived(MultiMap headers, Protocol protocol) {
    inFlight.incrementAndGet();
    return Hop.arrived(headers, protocol, process.sampleRate());
  }

  /** Requests that arrived and have not been answered yet (their body may still be on its way). */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Serves a request and hands its reply, final, counted and traced, to {@code then}: at once when
   * the tier has no service time and the behaviour answers at once (a leaf), else once it has.
   * Never fails. A tier whose service time is zero sets no timer, and the reply is decorated in
   * place.
   */
  void serve(Hop hop, Request request, Handler<Reply> then) {
    if (hop.span().hops() > Defaults.HOP_LIMIT) {
      finish(hop, request, loopDetected(), then);
      return;
    }
    if (pastDeadline(hop)) {
      finish(hop, request, deadlinePassed("arrived"), then);
      return;
    }
    long delayMs = ServiceDelay.millis(config.serviceTime());
    if (delayMs == 0) {
      answer(hop, request, then);
    } else {
      process.vertx().setTimer(delayMs, id -> answer(hop, request, then));
    }
  }

  /** Answers a request that could not be read with a counted 400. */
  Reply reject(Hop hop, String why) {
    Reply done = decorate(Reply.error(Reply.BAD_REQUEST, "bad request: " + why));
    recorder.record(hop, null, done);
    inFlight.decrementAndGet();
    return done;
  }

  private void answer(Hop hop, Request request, Handler<Reply> then) {
    // The service time may have used up what the caller left: then nothing is called.
    if (pastDeadline(hop)) {
      finish(hop, request, deadlinePassed("served its service time"), then);
      return;
    }
    if (config.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.errorRate()) {
      finish(
          hop,
          request,
          Reply.error(Reply.INJECTED_ERROR, "error injected by " + config.name()),
          then);
      return;
    }
    Future<Reply> answer;
    try {
      answer = behaviour.handle(request, hop.span());
    } catch (RuntimeException e) {
      finish(hop, request, internalError(e), then);
      return;
    }
    answer.onComplete(
        ar ->
            finish(
                hop,
                request,
                ar.succeeded() && ar.result() != null
                    ? ar.result()
                    : internalError(
                        ar.failed() ? ar.cause() : new IllegalStateException("no reply")),
                then));
  }

  private void finish(Hop hop, Request request, Reply reply, Handler<Reply> then) {
    Reply done = decorate(reply);
    recorder.record(hop, request, done);
    inFlight.decrementAndGet();
    then.handle(done);
  }

  /** Whether the caller has given up, or nearly: its work would be for no one. */
  private static boolean pastDeadline(Hop hop) {
    TraceContext span = hop.span();
    return span.hasDeadline() && span.remainingNanos() < DEADLINE_FLOOR_NANOS;
  }

  private Reply deadlinePassed(String when) {
    return Reply.error(
        Reply.TIMEOUT,
        "the caller's deadline passed before "
            + config.name()
            + " began its work (the request "
            + when
            + " with no time left)");
  }

  private Reply loopDetected() {
    return Reply.error(
        Reply.LOOP_DETECTED,
        "hop limit of "
            + Defaults.HOP_LIMIT
            + " reached at "
            + config.name()
            + ": the request looped through a dependency cycle");
  }

  private Reply internalError(Throwable err) {
    return Reply.error(Reply.INJECTED_ERROR, config.name() + " failed: " + err);
  }

  /**
   * Names the instance that produced a reply (the end of the chain: a reply passed on keeps the
   * name it has) and sets this tier's padding on a success. A reply made here is decorated in place
   * (a behaviour hands its reply over); one passed on from a dependency goes out as the bytes it
   * came as when it already says all that, which is the common case: the same padding all along.
   */
  private Reply decorate(Reply reply) {
    if (reply.wire() != null && passesAsIs(reply)) {
      return reply;
    }
    JsonObject body = reply.body();
    if (!body.containsKey("instance")) {
      body.put("instance", config.name()).put("tier", config.tier());
    }
    if (!reply.isError() && !payload.isEmpty()) {
      body.put("payload", payload);
    }
    return reply;
  }

  /** Whether a dependency's reply names its instance and, on success, carries our padding. */
  private boolean passesAsIs(Reply reply) {
    if (reply.wireKeyAt(INSTANCE_KEY) < 0) {
      return false;
    }
    if (reply.isError() || payload.isEmpty()) {
      return true;
    }
    int at = reply.wireKeyAt(PAYLOAD_KEY);
    return at >= 0 && reply.wireHas(at + PAYLOAD_KEY.length, quotedPayload);
  }
}
