package io.simianviz.operator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP server standing in for one pod's admin port: answers /probe?host=H&port=P with
 * the outcome set for H ({@code timeout} unless told otherwise), as the nanoservice's AdminRoutes
 * writes it.
 */
final class ProbeServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, String> outcomes = new ConcurrentHashMap<>();

  ProbeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/probe",
        exchange -> {
          String host = param(exchange.getRequestURI().getRawQuery(), "host");
          String port = param(exchange.getRequestURI().getRawQuery(), "port");
          String outcome = outcomes.getOrDefault(host, "timeout");
          long millis = "timeout".equals(outcome) ? 200 : 3;
          byte[] body =
              """
              {"host":"%s","port":%s,"outcome":"%s","reachable":%s,"millis":%d}"""
                  .formatted(host, port, outcome, "connected".equals(outcome), millis)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** Makes probes to this host end with this outcome. */
  ProbeServer answer(String host, String outcome) {
    outcomes.put(host, outcome);
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static String param(String query, String name) {
    for (String pair : query == null ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
