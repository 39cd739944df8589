package io.simianviz.service;

import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallDeadlines;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.call.InstanceLinks;
import io.simianviz.service.call.NetworkPartition;
import io.simianviz.service.call.OutlierEjection;
import io.simianviz.service.call.RetryBudget;
import io.simianviz.service.call.Transport;
import io.simianviz.service.call.Transports;
import io.simianviz.service.discovery.CandidateOrders;
import io.simianviz.service.discovery.Discovery;
import io.simianviz.service.stats.StatsRegistry;
import io.simianviz.service.trace.SpanExporter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;

/**
 * What all instances in one JVM share: the Vert.x event loops, one client per protocol ({@link
 * Transports}: pools are per dependency address, so sharing them bounds connections by
 * destinations, not by callers), the calls' deadlines, discovery, the statistics, the span
 * exporter, the retry budget, the ejected instances and the network partition. One per process in
 * pod mode; one per run in the local runtime. What Prometheus scrapes is not here: each instance
 * has its own ({@link io.simianviz.service.stats.InstanceMetrics}), so scraping every instance of a
 * run counts each request once.
 */
public final class ProcessContext {
  private final InstanceLinks links = new InstanceLinks();
  private final CandidateOrders candidateOrders = new CandidateOrders();
  private final Vertx vertx;
  private final Discovery discovery;
  private final CallPolicy policy;
  private final Transports transports;
  private final CallDeadlines deadlines;
  private final StatsRegistry stats;
  private final SpanExporter spans;
  private final LongAdder retriesDenied = new LongAdder();
  private final double sampleRate;
  private final OutlierEjection outliers;
  private final NetworkPartition partition = new NetworkPartition();

  public ProcessContext(
      Vertx vertx,
      Discovery discovery,
      CallPolicy policy,
      SpanExporter.Options spanOptions,
      double sampleRate) {
    this(
        vertx,
        discovery,
        policy,
        tier -> policy.maxConnectionsPerInstance(),
        spanOptions,
        sampleRate);
  }

  /**
   * @param connectionsPerInstance the HTTP/1.1 pool size to each instance of a tier, by tier name
   *     (the local runtime sizes them per tier; a pod uses the policy's for all)
   */
  public ProcessContext(
      Vertx vertx,
      Discovery discovery,
      CallPolicy policy,
      ToIntFunction<String> connectionsPerInstance,
      SpanExporter.Options spanOptions,
      double sampleRate) {
    this.vertx = vertx;
    this.discovery = discovery;
    this.policy = policy;
    this.outliers = new OutlierEjection(policy.ejection());
    this.transports = new Transports(vertx, policy, connectionsPerInstance);
    this.deadlines = new CallDeadlines(vertx, policy.timeout().toMillis());
    this.stats = new StatsRegistry();
    this.spans = new SpanExporter(vertx, transports.spanClient(), spanOptions);
    this.sampleRate = sampleRate;
  }

  /** A context with default call policy, no span export and every trace sampled. */
  public static ProcessContext local(Vertx vertx, Discovery discovery) {
    return new ProcessContext(
        vertx, discovery, CallPolicy.defaults(), SpanExporter.Options.none(), 1);
  }

  /** Which instances called which: the graph's instance-level edges. */
  public InstanceLinks links() {
    return links;
  }

  /** Each dependency's instances in callers' order of preference, per discovery snapshot. */
  public CandidateOrders candidateOrders() {
    return candidateOrders;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Discovery discovery() {
    return discovery;
  }

  public CallPolicy policy() {
    return policy;
  }

  /** How to call an instance that serves this protocol. */
  public Transport transport(Protocol protocol) {
    return transports.of(protocol);
  }

  /** The deadlines of this process's calls in flight, swept per event loop. */
  public CallDeadlines deadlines() {
    return deadlines;
  }

  public StatsRegistry stats() {
    return stats;
  }

  public SpanExporter spans() {
    return spans;
  }

  /** A new retry budget for one caller, per this context's policy. */
  public RetryBudget newRetryBudget() {
    return new RetryBudget(policy.retryRatio(), policy.minRetryTokens(), retriesDenied);
  }

  /** Retries refused by any caller's budget in this process. */
  public long retriesDenied() {
    return retriesDenied.sum();
  }

  /** Instances that refused a connection or timed out, as every caller here skips them a while. */
  public OutlierEjection outliers() {
    return outliers;
  }

  /** Addresses ejected now, with the nanoTime until which callers skip them. */
  public Map<String, Long> ejected() {
    return outliers.ejectedUntil();
  }

  /** The instances of this process cut off from the network (the {@code isolate} outage). */
  public NetworkPartition partition() {
    return partition;
  }

  public double sampleRate() {
    return sampleRate;
  }

  /** Flushes and closes the span output and the clients; the caller owns and closes Vert.x. */
  public Future<Void> close() {
    discovery.close();
    deadlines.close();
    return spans.close().transform(ar -> transports.close());
  }
}
