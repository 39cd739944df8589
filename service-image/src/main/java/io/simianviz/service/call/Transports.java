package io.simianviz.service.call;

import io.simianviz.model.spec.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * One client per protocol, shared by every instance in the process (for HTTP/1.1, one per pool
 * size, each tier called through the one of its size). Pools are per destination address, so
 * connections grow with the instances called, not with the callers: HTTP/1.1 keeps a small pool per
 * instance, HTTP/2 and gRPC one multiplexed connection. The HTTP/2 and gRPC clients are made on
 * first use: a process whose dependencies all serve http never loads them (~40 ms of start-up and
 * ~180 classes for gRPC).
 *
 * <p>No connection or request has an idle timeout: a call's deadline is kept by {@link
 * CallDeadlines}, one sweep per event loop, which resets a call that passes it (an HTTP/1.1
 * connection an answer is still due on is then closed, as a late answer could not be told from the
 * next one's). A request's own timeout would schedule and cancel a timer on every call, and an idle
 * timeout on the connection a task per connection. Idle connections stay pooled for Vert.x's
 * keep-alive timeout (60 s), so an instance called rarely keeps its connection.
 */
public final class Transports {
  /**
   * How many calls may wait for a busy destination's HTTP/1.1 connections: 4 per connection, at
   * least 64. Beyond that a call fails at once ({@link PoolFull}): an unbounded queue makes an
   * overloaded run wait out the timeout on thousands of calls, each holding a timer, and carry less
   * than it could. The floor keeps a small pool (1 connection at --scale 10000) from refusing the
   * bursts of an ordinary load.
   */
  static int waitingRoom(int connections) {
    return Math.max(64, 4 * connections);
  }

  private final Vertx vertx;
  private final CallPolicy policy;
  private final ToIntFunction<String> connectionsPerInstance;

  /** HTTP/1.1 clients by pool size, and each called tier's: few sizes, many tiers. */
  private final Map<Integer, HttpClient> http1BySize = new ConcurrentHashMap<>();

  private final Map<String, HttpClient> http1ByTier = new ConcurrentHashMap<>();
  private final HttpClient spanClient;
  private final Transport json1;
  private final List<Supplier<Future<Void>>> closers = new ArrayList<>();
  private volatile Transport json2;
  private volatile Transport grpc;

  public Transports(Vertx vertx, CallPolicy policy, ToIntFunction<String> connectionsPerInstance) {
    this.vertx = vertx;
    this.policy = policy;
    this.connectionsPerInstance = connectionsPerInstance;
    this.json1 = new JsonTransport(this::http1);
    this.spanClient = vertx.createHttpClient(base());
  }

  /** The HTTP/1.1 client for calls to instances of a tier, its pool sized for that tier. */
  private HttpClient http1(String tier) {
    HttpClient client = http1ByTier.get(tier);
    if (client == null) {
      int size = Math.max(1, connectionsPerInstance.applyAsInt(tier));
      client = http1BySize.computeIfAbsent(size, this::http1OfSize);
      http1ByTier.put(tier, client);
    }
    return client;
  }

  private HttpClient http1OfSize(int connections) {
    return vertx
        .httpClientBuilder()
        .with(base())
        .with(
            new PoolOptions()
                .setHttp1MaxSize(connections)
                .setMaxWaitQueueSize(waitingRoom(connections)))
        .withConnectHandler(Transports::quietResets)
        .build();
  }

  public Transport of(Protocol protocol) {
    return switch (protocol) {
      case HTTP -> json1;
      case HTTP2 -> json2 != null ? json2 : http2();
      case GRPC -> grpc != null ? grpc : grpc();
    };
  }

  /** The client for span export: its own, as a collector is not held to the call timeout. */
  public HttpClient spanClient() {
    return spanClient;
  }

  public synchronized Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    http1BySize.values().forEach(c -> closing.add(c.close()));
    closing.add(spanClient.close());
    closers.forEach(c -> closing.add(c.get()));
    return Future.join(closing).mapEmpty();
  }

  private synchronized Transport http2() {
    if (json2 == null) {
      HttpClient client =
          vertx
              .httpClientBuilder()
              .with(priorKnowledge())
              .withConnectHandler(Transports::quietResets)
              .build();
      closers.add(client::close);
      json2 = new JsonTransport(tier -> client);
    }
    return json2;
  }

  private synchronized Transport grpc() {
    if (grpc == null) {
      GrpcClient client =
          GrpcClient.client(vertx, new GrpcClientOptions().setTransportOptions(priorKnowledge()));
      closers.add(client::close);
      grpc = new GrpcTransport(client);
    }
    return grpc;
  }

  /**
   * A dependency instance that crashes resets its connections (the chaos monkey does it on
   * purpose). The calls on them fail and are counted as errors; without a handler Vert.x would also
   * log every reset as an ERROR on the console.
   */
  public static void quietResets(HttpConnection connection) {
    connection.exceptionHandler(err -> {});
  }

  /** Cleartext HTTP/2 from the first byte, no HTTP/1.1 upgrade round trip; one connection each. */
  private HttpClientOptions priorKnowledge() {
    return base().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false);
  }

  private HttpClientOptions base() {
    return new HttpClientOptions()
        .setKeepAlive(true)
        .setTcpNoDelay(true)
        .setConnectTimeout((int) policy.timeout().toMillis());
  }
}
