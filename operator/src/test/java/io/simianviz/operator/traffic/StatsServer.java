package io.simianviz.operator.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.simianviz.model.chaos.TrafficCounters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A loopback HTTP server standing in for a traffic source pod's admin port: answers /stats with the
 * body it is given (or an HTTP error), or holds every request until it closes, and counts the
 * requests and the answers.
 */
public final class StatsServer implements AutoCloseable {
  /** The longest a held request waits for the server to close. */
  private static final long HOLD_SECONDS = 30;

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicReference<List<String>> bodies = new AtomicReference<>(List.of("{}"));
  private final AtomicReference<Supplier<String>> supplier = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicBoolean hold = new AtomicBoolean();
  private final CountDownLatch closing = new CountDownLatch(1);

  public StatsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers);
    server.createContext(
        "/stats",
        exchange -> {
          int hit = hits.incrementAndGet();
          if (hold.get()) {
            awaitClosing();
          }
          Supplier<String> live = supplier.get();
          List<String> turns = bodies.get();
          String body = live != null ? live.get() : turns.get((hit - 1) % turns.size());
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(status.get(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
          answered.incrementAndGet();
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

  /**
   * A traffic source's /stats body with settled counters too, as the nanoservice writes it once it
   * reports them.
   */
  public static String settledStats(io.simianviz.model.chaos.TrafficReading settled) {
    String counters;
    try {
      counters = new ObjectMapper().writeValueAsString(TrafficCounters.of(settled));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return """
        {"instance":"lamp.*.*.www00","tier":"www","package":"denominator","count":0,
         "traffic":{"requests":%d,"errors":%d,"successRate":1.0,"p50":1.0,"p99":2.0},
         "settled":%s}"""
        .formatted(settled.sent(), settled.errors(), counters);
  }

  /** Answers with what the supplier gives at each request (a traffic source whose counts grow). */
  public void answerWith(Supplier<String> json) {
    supplier.set(json);
    status.set(200);
  }

  public void answer(String json) {
    answerInTurn(json);
  }

  /** Answers with each body in turn, the first again after the last. */
  public void answerInTurn(String... json) {
    supplier.set(null);
    bodies.set(List.of(json));
    status.set(200);
  }

  public void fail(int httpStatus) {
    status.set(httpStatus);
  }

  /** Holds every request from now on until the server closes (at most 30 s), like a hung pod. */
  public void hold() {
    hold.set(true);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int hits() {
    return hits.get();
  }

  /** Requests answered so far; a held request is answered when the server closes. */
  public int answered() {
    return answered.get();
  }

  private void awaitClosing() {
    try {
      closing.await(HOLD_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }
}
