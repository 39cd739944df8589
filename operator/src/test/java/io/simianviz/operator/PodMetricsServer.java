package io.simianviz.operator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server standing in for a tier pod's admin port: {@code /metrics} with the service
 * counters a pod serving {@link #serve} requests per second would show, integrated over the clock
 * the operator reads too (all in the GET bucket of 1 ms), a share of them answered with an error
 * ({@link #failing}).
 */
final class PodMetricsServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final Clock clock;
  private final AtomicInteger hits = new AtomicInteger();
  private double rate;
  private double served;
  private double errorShare;
  private double errors;
  private long lastMillis;

  PodMetricsServer(Clock clock) throws IOException {
    this.clock = clock;
    this.lastMillis = clock.millis();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] bytes = body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
          hits.incrementAndGet();
        });
    server.start();
  }

  /** From now on, this many requests per second. */
  synchronized void serve(double requestsPerSecond) {
    advance();
    rate = requestsPerSecond;
  }

  /** From now on, this share of the requests (0 to 1) answered with an error. */
  synchronized void failing(double share) {
    advance();
    errorShare = share;
  }

  int port() {
    return server.getAddress().getPort();
  }

  int hits() {
    return hits.get();
  }

  private synchronized String body() {
    advance();
    long n = (long) served;
    String labels = "architecture=\"a\",tier=\"node\",op=\"GET\"";
    return """
        simianviz_service_requests_total{%1$s} %2$d
        simianviz_service_errors_total{%1$s} %3$d
        simianviz_service_latency_seconds_bucket{%1$s,le="0.001"} %2$d
        simianviz_service_latency_seconds_bucket{%1$s,le="+Inf"} %2$d
        """
        .formatted(labels, n, (long) errors);
  }

  private void advance() {
    long now = clock.millis();
    double more = rate * Math.max(0, now - lastMillis) / 1000.0;
    served += more;
    errors += more * errorShare;
    lastMillis = now;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
