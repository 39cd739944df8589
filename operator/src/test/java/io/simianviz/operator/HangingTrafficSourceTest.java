package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.operator.traffic.StatsServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A traffic source pod that takes a request and never answers holds up the traffic poller only: the
 * reconcile reads what the poller fetched last, so the status follows the Deployments while the pod
 * still hangs. The stats timeout is longer here than the pod hangs, so a reconcile that read /stats
 * itself would wait the whole 30 s.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
@TestProfile(HangingTrafficSourceTest.LongStatsTimeout.class)
class HangingTrafficSourceTest {
  @Inject KubernetesClient client;
  @Inject ClusterObjects cluster;

  public static class LongStatsTimeout implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("simianviz.operator.stats-timeout", "60s");
    }
  }

  @Test
  void theStatusFollowsTheDeploymentsWhileATrafficSourceHangs() throws IOException {
    try (StatsServer stats = new StatsServer()) {
      stats.hold();
      Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("hanging"))).create();
      String namespace = lamp.getMetadata().getNamespace();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> cluster.deployments(namespace).size() == 7);
      TierPodFixture.trafficSource(client, lamp, stats.port());
      await().atMost(Duration.ofSeconds(30)).until(() -> stats.hits() >= 1);

      cluster.deployments(namespace).forEach(cluster::reportReady);

      ArchitectureStatus status =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> client.resource(lamp).get().getStatus(),
                  s -> s != null && "4/4".equals(s.getTiersReady()));
      assertThat(status.getTraffic()).isNull();
      assertThat(stats.answered()).as("answers of the hanging traffic source").isZero();
    }
  }
}
