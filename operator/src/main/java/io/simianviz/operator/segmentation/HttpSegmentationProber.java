package io.simianviz.operator.segmentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.api.segmentation.ProbeOutcome;
import io.simianviz.api.segmentation.SegmentationProbe;
import io.simianviz.operator.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GET {@code http://<pod IP>:<admin port>/probe?host=H&port=P&timeoutMs=T} (the nanoservice's
 * segmentation probe, docs/nanoservice.md) with the JDK client. The pod gives up on the connection
 * after the probe timeout; the request itself waits that long plus the stats timeout.
 */
@ApplicationScoped
public class HttpSegmentationProber implements SegmentationProber {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration probeTimeout;
  private final Duration requestTimeout;

  @Inject
  public HttpSegmentationProber(OperatorConfig config) {
    this(config.probeTimeout(), config.statsTimeout());
  }

  HttpSegmentationProber(Duration probeTimeout, Duration adminTimeout) {
    this.probeTimeout = probeTimeout;
    this.requestTimeout = probeTimeout.plus(adminTimeout);
    this.http = HttpClient.newBuilder().connectTimeout(adminTimeout).build();
  }

  @Override
  public ProbeOutcome probe(String podIp, int adminPort, SegmentationProbe probe)
      throws IOException {
    String authority = podIp.contains(":") ? "[" + podIp + "]" : podIp;
    URI uri =
        URI.create(
            "http://"
                + authority
                + ":"
                + adminPort
                + "/probe?host="
                + URLEncoder.encode(probe.host(), StandardCharsets.UTF_8)
                + "&port="
                + probe.port()
                + "&timeoutMs="
                + probeTimeout.toMillis());
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted asking " + uri, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered HTTP " + response.statusCode());
    }
    JsonNode answer = JSON.readTree(response.body());
    String outcome = answer.path("outcome").asText("");
    if (outcome.isEmpty()) {
      throw new IOException(uri + " answered without an outcome: " + response.body());
    }
    return new ProbeOutcome(probe, outcome, answer.path("millis").asLong(-1));
  }
}
