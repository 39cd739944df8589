package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.NanoservicePod;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveSnapshot;
import io.simianviz.operator.traffic.StatsServer;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The live view on the operator's HTTP port: the index, the page, the model as JSON and as
 * server-sent events, from an Architecture whose pods (made here, as their ReplicaSets would) are
 * ready or starting, and whose traffic source answers /stats on a loopback server.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class LiveViewTest {
  @Inject KubernetesClient client;
  @Inject OperatorConfig config;

  @TestHTTPResource("/")
  URL root;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theViewShowsTheArchitecturesTiersPodsAndTraffic() throws Exception {
    try (StatsServer stats = new StatsServer();
        StatsServer webStats = new StatsServer()) {
      stats.answer(StatsServer.trafficStats(1000, 10, 0.99, 1.5, 12.25));
      webStats.answer(webserverStats(100));
      String namespace = Fixtures.namespace("ui");
      Architecture lamp = client.resource(Fixtures.lamp(namespace)).create();
      Map<String, Deployment> deployments =
          Fixtures.expectedObjects(client, lamp, config).stream()
              .filter(Deployment.class::isInstance)
              .map(Deployment.class::cast)
              .collect(
                  Collectors.toMap(
                      d ->
                          d.getMetadata().getAnnotations().get(ManifestLabels.TIER_NAME_ANNOTATION)
                              + "/"
                              + d.getMetadata().getName(),
                      d -> d,
                      (a, b) -> a,
                      java.util.LinkedHashMap::new));
      Deployment webserver = first(deployments, "webserver/");
      Deployment www = first(deployments, "www/");
      Pod ready = pod(webserver, "ready", true, webStats.port());
      Pod starting = pod(webserver, "starting", false, 9);
      pod(www, "source", false, stats.port());

      String base = "/ui/" + namespace + "/lamp";
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(get("/ui/").body()).contains("href=\"" + base + "\""));

      HttpResponse<String> page = get(base);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("<meta name=\"simianviz-live\" content=\"" + base + "/live\">")
          .contains("/ui/app.js");
      assertThat(get("/ui/app.js").statusCode()).isEqualTo(200);
      assertThat(get("/ui/layout.js").statusCode()).isEqualTo(200);
      assertThat(get("/ui/style.css").statusCode()).isEqualTo(200);
      assertThat(get("/lib/cytoscape.mjs").statusCode()).isEqualTo(200);
      assertThat(get("/ui/" + namespace + "/nothing").statusCode()).isEqualTo(404);

      LiveSnapshot snapshot =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> LiveSnapshot.fromJson(get(base + "/live/snapshot").body()),
                  s -> states(s).size() >= 2);
      assertThat(snapshot.arch()).isEqualTo("lamp");
      assertThat(snapshot.tiers())
          .extracting(LiveSnapshot.Tier::name)
          .containsExactlyInAnyOrder("rds-mysql", "memcache", "webserver", "webserver-elb", "www");
      LiveSnapshot.Tier web = tier(snapshot, "webserver");
      assertThat(web.total()).isEqualTo(6);
      assertThat(web.ready()).isEqualTo(1);
      Map<String, InstanceState> states = states(snapshot);
      assertThat(states)
          .containsEntry(ready.getMetadata().getName(), InstanceState.READY)
          .containsEntry(starting.getMetadata().getName(), InstanceState.STARTING);
      // the elb is a Service: drawn ready; rds-mysql has no pod yet: starting
      assertThat(tier(snapshot, "webserver-elb").ready()).isEqualTo(1);
      assertThat(tier(snapshot, "rds-mysql").ready()).isZero();

      // The traffic source's figures: a rate once two readings differ, its p99 as read. The first
      // reading is in once its p99 shows; then the counts move.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> LiveSnapshot.fromJson(get(base + "/live/snapshot").body()),
              s ->
                  tier(s, "www").served().p99Ms() == 12.25
                      && edge(s, "webserver", "memcache").figures().p99Ms() == 4.5);
      stats.answer(StatsServer.trafficStats(3000, 10, 0.995, 1.5, 12.25));
      LiveSnapshot moving =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> LiveSnapshot.fromJson(get(base + "/live/snapshot").body()),
                  s -> tier(s, "www").served().rps() > 0);
      assertThat(tier(moving, "www").served().p99Ms()).isEqualTo(12.25);

      // Per edge: the calling pods' own /stats series.
      webStats.answer(webserverStats(400));
      LiveSnapshot edges =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> LiveSnapshot.fromJson(get(base + "/live/snapshot").body()),
                  s -> edge(s, "webserver", "memcache").figures().rps() > 0);
      assertThat(edge(edges, "webserver", "memcache").figures().p99Ms()).isEqualTo(4.5);
      assertThat(edge(edges, "webserver", "memcache").figures().errorRate()).isEqualTo(0.01);
      assertThat(tier(edges, "webserver").served().rps()).isPositive();

      // The same model as server-sent events.
      LiveSnapshot pushed = LiveSnapshot.fromJson(firstEvent(base + "/live/events"));
      assertThat(pushed.arch()).isEqualTo("lamp");
      assertThat(states(pushed)).containsEntry(ready.getMetadata().getName(), InstanceState.READY);
    }
  }

  private static Deployment first(Map<String, Deployment> deployments, String prefix) {
    return deployments.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  /** A pod as the Deployment's ReplicaSet would make it, running, with the admin port given. */
  private Pod pod(Deployment deployment, String suffix, boolean ready, int adminPort) {
    Map<String, String> labels =
        new HashMap<>(deployment.getSpec().getTemplate().getMetadata().getLabels());
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(deployment.getMetadata().getName() + "-" + suffix)
            .withNamespace(deployment.getMetadata().getNamespace())
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(NanoservicePod.CONTAINER)
            .withImage("simianviz/nanoservice:test")
            .addNewPort()
            .withName(NanoservicePod.ADMIN_PORT_NAME)
            .withContainerPort(adminPort)
            .endPort()
            .endContainer()
            .endSpec()
            .build();
    Pod created = client.resource(pod).create();
    PodStatusBuilder status = new PodStatusBuilder().withPhase("Running").withPodIP("127.0.0.1");
    if (ready) {
      status.addNewCondition().withType("Ready").withStatus("True").endCondition();
    }
    created.setStatus(status.build());
    return client.resource(created).updateStatus();
  }

  /** A webserver pod's /stats: {@code n} calls to memcache (1% failed) and {@code n} served. */
  private static String webserverStats(long n) {
    return """
        {"unit": "ms", "series": [
          {"name": "webserver>memcache", "kind": "edge", "tier": "webserver", "to": "memcache",
           "count": %d, "errors": %d, "p50": 1.0, "p90": 2.0, "p99": 4.5, "p999": 5.0, "max": 6.0},
          {"name": "webserver/get", "kind": "service", "tier": "webserver", "op": "get",
           "count": %d, "errors": 0, "p50": 2.0, "p90": 3.0, "p99": 7.0, "p999": 8.0, "max": 9.0}
        ]}
        """
        .formatted(n, n / 100, n);
  }

  private static LiveSnapshot.TierEdge edge(LiveSnapshot snapshot, String from, String to) {
    return snapshot.edges().stream()
        .filter(e -> e.from().equals(from) && e.to().equals(to))
        .findFirst()
        .orElseThrow();
  }

  private static LiveSnapshot.Tier tier(LiveSnapshot snapshot, String name) {
    return snapshot.tiers().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, InstanceState> states(LiveSnapshot snapshot) {
    Map<String, InstanceState> out = new HashMap<>();
    for (LiveSnapshot.Region r : snapshot.regions()) {
      for (LiveSnapshot.Zone z : r.zones()) {
        for (LiveSnapshot.ZoneTier t : z.tiers()) {
          for (LiveSnapshot.InstanceView i : t.instances()) {
            if (i.name().startsWith("lamp-")) { // pods, not the topology's unfilled slots
              out.put(i.name(), i.state());
            }
          }
        }
      }
    }
    return out;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(root.toURI().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The data of the first snapshot event of a stream. */
  private String firstEvent(String path) throws Exception {
    URI uri = root.toURI().resolve(path);
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      boolean snapshot = false;
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.equals("event: snapshot")) {
          snapshot = true;
        } else if (snapshot && line.startsWith("data: ")) {
          return line.substring("data: ".length());
        }
      }
    }
    throw new AssertionError("the stream ended without a snapshot");
  }
}
