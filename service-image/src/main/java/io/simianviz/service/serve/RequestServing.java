package io.simianviz.service.serve;

import io.simianviz.model.Defaults;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.behaviour.Behaviour;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What happens to a request whatever protocol brought it: the tier's service time, injected errors,
 * the package's behaviour, the reply body every protocol carries (the answering instance and tier,
 * the padding), and the hop's statistics and span. The protocol adapters ({@link JsonCalls}, {@link
 * GrpcCalls}) only read requests and write replies.
 */
final class RequestServing {
  private final ProcessContext process;
  private final InstanceConfig config;
  private final Behaviour behaviour;
  private final HopRecorder recorder;
  private final String payload;

  RequestServing(
      ProcessContext process, InstanceConfig config, Behaviour behaviour, HopRecorder recorder) {
    this.process = process;
    this.config = config;
    this.behaviour = behaviour;
    this.recorder = recorder;
    this.payload = "x".repeat(Math.max(0, config.responseBytes()));
  }

  /** Starts a hop for a request that just arrived with these headers or gRPC metadata. */
  Hop arrived(MultiMap headers, Protocol protocol) {
    return Hop.arrived(headers, protocol, process.sampleRate());
  }

  /** Serves a request; the reply is final, already counted and traced. Never fails. */
  Future<Reply> serve(Hop hop, Request request) {
    Future<Reply> answer =
        hop.span().hops() > Defaults.HOP_LIMIT
            ? Future.succeededFuture(loopDetected())
            : answer(request, hop.span());
    return answer
        .recover(err -> Future.succeededFuture(internalError(err)))
        .map(
            reply -> {
              Reply done = decorate(reply);
              recorder.record(hop, request, done);
              return done;
            });
  }

  /** Answers a request that could not be read with a counted 400. */
  Reply reject(Hop hop, String why) {
    Reply done = decorate(Reply.error(Reply.BAD_REQUEST, "bad request: " + why));
    recorder.record(hop, null, done);
    return done;
  }

  private Future<Reply> answer(Request request, TraceContext span) {
    long delayMs = ServiceDelay.millis(config.serviceTime());
    Future<Void> delay =
        delayMs == 0
            ? Future.succeededFuture()
            : Future.future(p -> process.vertx().setTimer(delayMs, id -> p.complete()));
    return delay.compose(
        v -> {
          if (config.errorRate() > 0
              && ThreadLocalRandom.current().nextDouble() < config.errorRate()) {
            return Future.succeededFuture(
                Reply.error(Reply.INJECTED_ERROR, "error injected by " + config.name()));
          }
          return behaviour.handle(request, span);
        });
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

  private Reply decorate(Reply reply) {
    JsonObject body = reply.body().copy();
    // A passed-on reply keeps naming the instance that produced it: the end of the chain.
    if (!body.containsKey("instance")) {
      body.put("instance", config.name()).put("tier", config.tier());
    }
    if (!reply.isError() && !payload.isEmpty()) {
      body.put("payload", payload);
    }
    return new Reply(reply.status(), body);
  }
}
