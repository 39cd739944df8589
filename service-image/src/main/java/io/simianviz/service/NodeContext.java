package io.simianviz.service;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What all instances in one JVM share: the Vert.x event loops, one HTTP client (its pools are per
 * dependency address, so sharing it bounds connections by destinations, not by callers), discovery,
 * the statistics, the span exporter and the retry budget. One per process in pod mode; one per run
 * in the local runtime.
 */
public final class NodeContext {
  private final Vertx vertx;
  private final Discovery discovery;
  private final CallPolicy policy;
  private final HttpClient client;
  private final PrometheusMeterRegistry meters;
  private final StatsRegistry stats;
  private final SpanExporter spans;
  private final RetryBudget retryBudget;
  private final double sampleRate;
  private final Map<String, Long> ejected = new ConcurrentHashMap<>();

  public NodeContext(
      Vertx vertx,
      Discovery discovery,
      CallPolicy policy,
      SpanExporter.Options spanOptions,
      double sampleRate) {
    this.vertx = vertx;
    this.discovery = discovery;
    this.policy = policy;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) policy.timeout().toMillis()),
            new PoolOptions().setHttp1MaxSize(policy.maxConnectionsPerInstance()));
    this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.stats = new StatsRegistry(meters);
    this.spans = new SpanExporter(vertx, client, spanOptions);
    this.retryBudget = new RetryBudget(policy.retryRatio(), policy.minRetryTokens());
    this.sampleRate = sampleRate;
  }

  /** A context with default call policy, no span export and every trace sampled. */
  public static NodeContext local(Vertx vertx, Discovery discovery) {
    return new NodeContext(vertx, discovery, CallPolicy.defaults(), SpanExporter.Options.none(), 1);
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

  public HttpClient client() {
    return client;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  public StatsRegistry stats() {
    return stats;
  }

  public SpanExporter spans() {
    return spans;
  }

  public RetryBudget retryBudget() {
    return retryBudget;
  }

  /** Addresses that refused a connection, with the nanoTime until which callers skip them. */
  public Map<String, Long> ejected() {
    return ejected;
  }

  public double sampleRate() {
    return sampleRate;
  }

  /** Flushes and closes the span output and the client; the caller owns and closes Vert.x. */
  public Future<Void> close() {
    discovery.close();
    return spans.close().transform(ar -> client.close());
  }
}
