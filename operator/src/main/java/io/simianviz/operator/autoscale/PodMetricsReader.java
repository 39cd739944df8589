package io.simianviz.operator.autoscale;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.operator.OperatorConfig;
import io.simianviz.operator.traffic.TrafficSources;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * GET {@code http://<pod IP>:<admin port>/metrics} of a tier's pods, all at once, each bounded by
 * the stats timeout. A pod that does not answer is left out of this reading (logged at debug).
 */
@ApplicationScoped
public class PodMetricsReader {
  private static final Logger LOG = Logger.getLogger(PodMetricsReader.class);

  private final HttpClient http;
  private final Duration timeout;

  public PodMetricsReader(OperatorConfig config) {
    this.timeout = config.statsTimeout();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The figures of each pod that answered, by pod UID. */
  public Map<String, ServedFigures> read(Collection<Pod> pods) {
    Map<String, CompletableFuture<ServedFigures>> pending = new LinkedHashMap<>();
    for (Pod pod : pods) {
      String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      if (ip == null || ip.isEmpty() || pod.getMetadata().getUid() == null) {
        continue;
      }
      String authority = ip.contains(":") ? "[" + ip + "]" : ip;
      URI uri =
          URI.create("http://" + authority + ":" + TrafficSources.adminPort(pod) + "/metrics");
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
      pending.put(
          pod.getMetadata().getUid(),
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .thenApply(response -> figures(uri, response)));
    }
    Map<String, ServedFigures> out = new LinkedHashMap<>();
    pending.forEach(
        (uid, future) -> {
          try {
            out.put(uid, future.join());
          } catch (RuntimeException e) {
            LOG.debugf("autoscale: pod %s /metrics not read: %s", uid, e.getMessage());
          }
        });
    return out;
  }

  private static ServedFigures figures(URI uri, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered HTTP " + response.statusCode());
    }
    return ServedFigures.parse(response.body());
  }
}
