package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.TrafficSummary;
import io.simianviz.operator.traffic.StatsServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The traffic summary comes from the traffic source pods' /stats, here a loopback server. */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class TrafficSummaryTest {
  @Inject KubernetesClient client;

  @Test
  void theSummaryIsReadFromTheTrafficSourceAndSurvivesItsFailures() throws IOException {
    try (StatsServer stats = new StatsServer()) {
      stats.answer(StatsServer.trafficStats(1000, 10, 0.99, 1.5, 12.25));
      Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("traffic"))).create();
      TierPodFixture.trafficSource(client, lamp, stats.port());

      TrafficSummary summary = awaitTraffic(lamp, 1000);
      assertThat(summary.getErrors()).isEqualTo(10);
      assertThat(summary.getSuccessRate()).isEqualTo(99.0);
      assertThat(summary.getP50()).isEqualTo(1.5);
      assertThat(summary.getP99()).isEqualTo(12.25);

      // The pod stops answering: reconciles go on, the last summary stays.
      stats.fail(503);
      int hits = stats.hits();
      await().atMost(Duration.ofSeconds(30)).until(() -> stats.hits() >= hits + 3);
      assertThat(client.resource(lamp).get().getStatus().getTraffic().getRequests())
          .isEqualTo(1000);

      stats.answer(StatsServer.trafficStats(2500, 10, 0.996, 1.5, 12.25));
      assertThat(awaitTraffic(lamp, 2500).getSuccessRate()).isEqualTo(99.6);
    }
  }

  private TrafficSummary awaitTraffic(Architecture architecture, long requests) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Architecture now = client.resource(architecture).get();
              return now.getStatus() == null ? null : now.getStatus().getTraffic();
            },
            t -> t != null && t.getRequests() == requests);
  }
}
