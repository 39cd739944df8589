package io.simianviz.operator.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.operator.OperatorConfig;
import io.simianviz.operator.traffic.TrafficSources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The latency series of every pod's {@code GET /stats} (tier to tier edges, what a tier served),
 * read for the live view's per-edge figures: at most {@link #CONCURRENCY} reads at once over all
 * architectures, each pod at most once per {@code simianviz.ui.stats-interval} (5 s), on threads of
 * their own. {@link #poll} only starts reads; {@link #of} gives a pod's last answer.
 */
@ApplicationScoped
public class PodStats {
  /** Reads in flight at once, over every architecture. */
  static final int CONCURRENCY = 4;

  private static final Logger LOG = Logger.getLogger(PodStats.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One series of a pod's /stats.
   *
   * @param edge true for calls to another tier ({@code to}), false for what {@code tier} served
   *     (or, for a traffic source, sent)
   */
  record PodSeries(
      boolean edge, String tier, String to, long count, long errors, double p50, double p99) {}

  private record Answer(long atMs, List<PodSeries> series) {}

  private final Duration timeout;
  private final long intervalMs;
  private final HttpClient http;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          CONCURRENCY, Thread.ofPlatform().name("live-view-stats-", 0).daemon().factory());
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public PodStats(
      OperatorConfig config,
      @ConfigProperty(name = "simianviz.ui.stats-interval", defaultValue = "5s")
          Duration interval) {
    this.timeout = config.statsTimeout();
    this.intervalMs = interval.toMillis();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Starts reading the pods that are due and not being read; returns at once. */
  void poll(Collection<Pod> pods, long nowMs) {
    for (Pod pod : pods) {
      String uid = pod.getMetadata().getUid();
      String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      if (uid == null
          || ip == null
          || ip.isEmpty()
          || pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      Long last = started.get(uid);
      if (last != null && nowMs - last < intervalMs) {
        continue;
      }
      if (!inFlight.add(uid)) {
        continue;
      }
      started.put(uid, nowMs);
      int port = TrafficSources.adminPort(pod);
      var unused =
          pool.submit(
              () -> {
                try {
                  answers.put(uid, new Answer(nowMs, read(ip, port)));
                } catch (Exception e) {
                  LOG.debugf("live view: %s /stats not read: %s", pod.getMetadata().getName(), e);
                } finally {
                  inFlight.remove(uid);
                }
              });
    }
  }

  /** The pod's last answer (empty: never read). */
  List<PodSeries> of(String podUid) {
    Answer a = answers.get(podUid);
    return a == null ? List.of() : a.series();
  }

  /** Forgets every pod but these. */
  void retain(Set<String> podUids) {
    answers.keySet().retainAll(podUids);
    started.keySet().retainAll(podUids);
  }

  private List<PodSeries> read(String host, int port) throws Exception {
    String authority = host.contains(":") ? "[" + host + "]" : host;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + authority + ":" + port + "/stats"))
            .timeout(timeout)
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + " answered HTTP " + response.statusCode());
    }
    return parse(response.body());
  }

  /** The series of a /stats answer ({@code series[]} with kind, tier, to or op, counts, ms). */
  static List<PodSeries> parse(String body) throws Exception {
    List<PodSeries> out = new ArrayList<>();
    for (JsonNode s : JSON.readTree(body).path("series")) {
      boolean edge = "edge".equals(s.path("kind").asText());
      out.add(
          new PodSeries(
              edge,
              s.path("tier").asText(),
              edge ? s.path("to").asText() : null,
              s.path("count").asLong(),
              s.path("errors").asLong(),
              s.path("p50").asDouble(),
              s.path("p99").asDouble()));
    }
    return out;
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
