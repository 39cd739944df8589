package io.simianviz.operator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.chaos.TrafficCounters;
import io.simianviz.operator.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * GET {@code http://<pod IP>:<admin port>/stats} with the JDK client, bounded by a timeout: the
 * traffic summary for the status, and the settled counters for chaos experiments.
 */
@ApplicationScoped
public class HttpTrafficStatsClient implements TrafficStatsClient {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
              false);
  private static final Logger LOG = Logger.getLogger(HttpTrafficStatsClient.class);

  private final HttpClient http;
  private final Duration timeout;

  @Inject
  public HttpTrafficStatsClient(OperatorConfig config) {
    this(config.statsTimeout());
  }

  HttpTrafficStatsClient(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public TrafficReading read(String host, int port) throws IOException {
    String authority = host.contains(":") ? "[" + host + "]" : host;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + authority + ":" + port + "/stats"))
            .timeout(timeout)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted reading " + request.uri(), e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(request.uri() + " answered HTTP " + response.statusCode());
    }
    JsonNode root = JSON.readTree(response.body());
    JsonNode traffic = root.path("traffic");
    if (!traffic.isObject()) {
      throw new IOException(request.uri() + " has no traffic object (not a traffic source?)");
    }
    return new TrafficReading(
        traffic.path("requests").asLong(),
        traffic.path("errors").asLong(),
        traffic.path("successRate").asDouble(1.0),
        traffic.path("p50").asDouble(),
        traffic.path("p99").asDouble(),
        settled(root, request.uri()));
  }

  /**
   * The {@code settled} counters (model {@link TrafficCounters}), at the top level or under {@code
   * traffic}; null when there are none, or when they do not add up (logged: an experiment then
   * waits for a good reading rather than judging by a wrong one).
   */
  private static io.simianviz.model.chaos.TrafficReading settled(JsonNode root, URI uri) {
    JsonNode settled =
        root.has("settled") ? root.get("settled") : root.path("traffic").path("settled");
    if (!settled.isObject()) {
      return null;
    }
    try {
      return JSON.treeToValue(settled, TrafficCounters.class).toReading();
    } catch (IOException | IllegalArgumentException e) {
      LOG.warnf("%s: settled counters not read: %s", uri, e.getMessage());
      return null;
    }
  }
}
