package io.simianviz.service;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.simianviz.api.v1alpha1.Protocol;
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
import java.util.function.Supplier;

/**
 * One client per protocol, shared by every instance in the process. Pools are per destination
 * address, so connections grow with the instances called, not with the callers: HTTP/1.1 keeps a
 * small pool per instance, HTTP/2 and gRPC one multiplexed connection. The HTTP/2 and gRPC clients
 * are made on first use: a process whose dependencies all serve http never loads them (~40 ms of
 * start-up and ~180 classes for gRPC).
 *
 * <p>An HTTP/1.1 connection carries one call at a time, so its idle timeout, set to the call
 * timeout, is the timeout of the call in flight on it: Vert.x closes a connection that has been
 * silent that long only when a call is waiting on it. That costs no timer per call, where a
 * request's own timeout schedules and cancels one on every call.
 */
final class Transports {
  private final Vertx vertx;
  private final CallPolicy policy;
  private final HttpClient http1;
  private final HttpClient spanClient;
  private final Transport json1;
  private final List<Supplier<Future<Void>>> closers = new ArrayList<>();
  private volatile Transport json2;
  private volatile Transport grpc;

  Transports(Vertx vertx, CallPolicy policy) {
    this.vertx = vertx;
    this.policy = policy;
    this.http1 =
        vertx
            .httpClientBuilder()
            .with(
                base()
                    .setIdleTimeout((int) policy.timeout().toMillis())
                    .setIdleTimeoutUnit(MILLISECONDS))
            .with(new PoolOptions().setHttp1MaxSize(policy.maxConnectionsPerInstance()))
            .withConnectHandler(Transports::quietResets)
            .build();
    this.json1 = new JsonTransport(http1, false);
    this.spanClient = vertx.createHttpClient(base());
  }

  Transport of(Protocol protocol) {
    return switch (protocol) {
      case HTTP -> json1;
      case HTTP2 -> json2 != null ? json2 : http2();
      case GRPC -> grpc != null ? grpc : grpc();
    };
  }

  /** The client for span export: its own, as a collector is not held to the call timeout. */
  HttpClient spanClient() {
    return spanClient;
  }

  synchronized Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    closing.add(http1.close());
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
      json2 = new JsonTransport(client, true);
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
  static void quietResets(HttpConnection connection) {
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
