package io.simianviz.service.serve;

import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.stats.InstanceMetrics;
import io.simianviz.service.trace.Span;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts a served hop into the instance's service timing (the tier's series and the instance's
 * histogram) and, when its trace is sampled, exports it as one SERVER span tagged with the
 * instance, the status and the protocol it arrived by.
 */
final class HopRecorder {
  private final ProcessContext process;
  private final InstanceConfig config;
  private final InstanceMetrics metrics;
  private final Supplier<Endpoint> endpoint;

  /**
   * The service timing per op (GET, PUT, then INVALID), looked up on an op's first request; a racy
   * cache whose entries are all the same object once set.
   */
  private final InstanceMetrics.Timing[] byOp = new InstanceMetrics.Timing[3];

  /**
   * @param endpoint where this instance listens, known once it does
   */
  HopRecorder(
      ProcessContext process,
      InstanceConfig config,
      InstanceMetrics metrics,
      Supplier<Endpoint> endpoint) {
    this.process = process;
    this.config = config;
    this.metrics = metrics;
    this.endpoint = endpoint;
  }

  /**
   * @param request null for a request that could not be read
   */
  void record(Hop hop, Request request, Reply reply) {
    long micros = hop.elapsedMicros();
    int slot = request == null ? 2 : request.op() == Request.Op.GET ? 0 : 1;
    String op = request == null ? "INVALID" : request.op().name();
    InstanceMetrics.Timing timing = byOp[slot];
    if (timing == null) {
      timing = metrics.service(op);
      byOp[slot] = timing;
    }
    timing.record(micros, reply.status() >= 400);
    if (!hop.span().sampled() || !process.spans().enabled()) {
      return;
    }
    Map<String, String> tags = new HashMap<>();
    tags.put("instance", config.name());
    tags.put("http.status_code", Integer.toString(reply.status()));
    tags.put("protocol", hop.protocol().value());
    if (reply.isError()) {
      tags.put("error", reply.errorMessage());
    }
    Endpoint at = endpoint.get();
    process
        .spans()
        .offer(
            new Span(
                hop.span().traceId(),
                hop.span().spanId(),
                hop.parent() == null ? null : hop.parent().spanId(),
                op.toLowerCase(Locale.ROOT),
                "SERVER",
                Span.nowMicros() - micros,
                micros,
                config.tier(),
                at == null ? config.host() : at.host(),
                at == null ? config.port() : at.port(),
                tags));
  }
}
