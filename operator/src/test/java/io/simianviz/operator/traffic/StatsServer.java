package io.simianviz.operator.traffic;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server standing in for a traffic source pod's admin port: answers /stats with the
 * body it is given (or an HTTP error) and counts the requests.
 */
public final class StatsServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicReference<List<String>> bodies = new AtomicReference<>(List.of("{}"));
  private final AtomicInteger status = new AtomicInteger(200);

  public StatsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/stats",
        exchange -> {
          int hit = hits.incrementAndGet();
          List<String> turns = bodies.get();
          byte[] bytes = turns.get((hit - 1) % turns.size()).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(status.get(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** A traffic source's /stats body, as the nanoservice's AdminRoutes writes it. */
  public static String trafficStats(
      long requests, long errors, double successRate, double p50, double p99) {
    return """
        {"instance":"lamp.*.*.www00","tier":"www","package":"denominator","count":0,
         "traffic":{"requests":%d,"errors":%d,"successRate":%s,"p50":%s,"p99":%s}}"""
        .formatted(requests, errors, successRate, p50, p99);
  }

  public void answer(String json) {
    answerInTurn(json);
  }

  /** Answers with each body in turn, the first again after the last. */
  public void answerInTurn(String... json) {
    bodies.set(List.of(json));
    status.set(200);
  }

  public void fail(int httpStatus) {
    status.set(httpStatus);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int hits() {
    return hits.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
