package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tracing.zipkinEndpoint: the local runtime sends spans there as pod mode does, and to file. */
class ZipkinExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private HttpServer collector;
  private final List<JsonNode> posts = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startCollector() throws IOException {
    collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext(
        "/api/v2/spans",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            if (exchange.getRequestMethod().equals("POST")) {
              contentTypes.add(exchange.getRequestHeaders().getFirst("content-type"));
              posts.add(JSON.readTree(body));
            }
          }
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    collector.start();
  }

  @AfterEach
  void stopCollector() {
    collector.stop(0);
  }

  @Test
  void spansGoToTheZipkinEndpointAndToSpansJson() throws Exception {
    String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/api/v2/spans";
    TestRuns.Result result =
        TestRuns.run(
            TestRuns.lamp("tracing: {zipkinEndpoint: \"" + endpoint + "\"}"),
            TestRuns.options(out, Duration.ofSeconds(2), 100.0));
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.console()).contains("spans also to " + endpoint);

    Set<String> received = new HashSet<>();
    for (JsonNode batch : posts) {
      assertThat(batch.isArray()).isTrue();
      for (JsonNode span : batch) {
        assertThat(span.get("traceId").asText()).isNotEmpty();
        assertThat(span.get("localEndpoint").get("serviceName").asText()).isNotEmpty();
        received.add(span.get("traceId").asText() + "/" + span.get("id").asText());
      }
    }
    assertThat(contentTypes).isNotEmpty().allMatch(t -> t.startsWith("application/json"));
    Set<String> written = new HashSet<>();
    for (JsonNode span : JSON.readTree(out.resolve("spans.json").toFile())) {
      written.add(span.get("traceId").asText() + "/" + span.get("id").asText());
    }
    assertThat(written).hasSizeGreaterThan(100);
    assertThat(received).isEqualTo(written);
  }

  @Test
  void anEndpointWithNoCollectorIsAWarningAndTheRunGoesOn() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + closed + "/api/v2/spans";
    TestRuns.Result result =
        TestRuns.run(
            TestRuns.lamp("tracing: {zipkinEndpoint: \"" + endpoint + "\"}"),
            TestRuns.options(out, Duration.ofSeconds(1), 100.0));

    assertThat(result.exit()).isZero();
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith("lamp.yaml: warning: tracing.zipkinEndpoint: cannot connect to 127.0.0.1:")
        .endsWith("spans go to spans.json only");
    assertThat(JSON.readTree(out.resolve("spans.json").toFile())).isNotEmpty();
  }
}
