package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.operator.segmentation.SegmentationCheck;
import io.simianviz.operator.status.Conditions;
import io.simianviz.operator.traffic.StatsServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reconcile of an architecture whose objects and status are what they should be writes nothing.
 * Every request the mock API server receives is recorded; once the architecture is ready, three
 * more reconciles must send no POST, PUT, PATCH or DELETE. The reconciles are the traffic poller's:
 * each /stats read finds a p50 that changed below the two decimals the status shows, a new reading
 * that triggers a reconcile with nothing to write, so the reads count them.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class NoOpReconcileTest {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Inject KubernetesClient client;
  @Inject ClusterObjects cluster;
  @KubernetesTestServer KubernetesServer server;

  @Test
  void aSteadyArchitectureIsReconciledWithoutASingleWrite()
      throws IOException, InterruptedException {
    try (StatsServer stats = new StatsServer()) {
      stats.answerInTurn(
          StatsServer.trafficStats(1000, 0, 1.0, 1.001, 3.0),
          StatsServer.trafficStats(1000, 0, 1.0, 1.002, 3.0));
      Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("noop"))).create();
      String namespace = lamp.getMetadata().getNamespace();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> cluster.deployments(namespace).size() == 7);
      cluster.deployments(namespace).forEach(cluster::reportReady);
      TierPodFixture.trafficSource(client, lamp, stats.port());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                var status = client.resource(lamp).get().getStatus();
                // Steady includes the segmentation probe that follows the first Ready: its
                // result is written by a later reconcile, which must not count as a no-op's.
                return status != null
                    && status.getTraffic() != null
                    && Conditions.isTrue(status.getConditions(), Conditions.READY)
                    && status.getSegmentation() != null
                    && Conditions.find(status.getConditions(), SegmentationCheck.CONDITION)
                        .isPresent();
              });

      // One more reconcile before draining: the mock server may record a request only after
      // answering it, so the writes that made the status steady can surface a moment late.
      int settled = stats.hits();
      await().atMost(Duration.ofSeconds(30)).until(() -> stats.hits() > settled);
      recordedRequests(); // what it took to get here
      int hits = stats.hits();
      await().atMost(Duration.ofSeconds(30)).until(() -> stats.hits() >= hits + 3);
      List<String> writes =
          recordedRequests().stream()
              .filter(r -> WRITES.contains(r.getMethod()))
              .map(r -> r.getRequestLine() + " " + r.getBody().readUtf8())
              .toList();

      assertThat(writes).as("write requests during %d reconciles", stats.hits() - hits).isEmpty();
    }
  }

  /** Takes every request the mock server has recorded so far. */
  private List<RecordedRequest> recordedRequests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.getKubernetesMockServer().takeRequest(10, TimeUnit.MILLISECONDS))
        != null) {
      requests.add(request);
    }
    return requests;
  }
}
