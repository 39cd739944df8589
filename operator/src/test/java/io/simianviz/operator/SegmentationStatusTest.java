package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.TierSegmentation;
import io.simianviz.model.spec.SegmentationSpec;
import io.simianviz.operator.segmentation.SegmentationCheck;
import io.simianviz.operator.status.Conditions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Once lamp's tiers are ready, every calling tier's pod (a loopback server answering /probe) is
 * asked to reach its dependencies and a sample of the other tiers; the status shows what they
 * found. Lamp has 12 probes: 3 declared edges and 9 undeclared ones.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class SegmentationStatusTest {
  @Inject KubernetesClient client;
  @Inject ClusterObjects cluster;

  private final List<ProbeServer> servers = new ArrayList<>();

  @Test
  void anUnexpectedConnectionIsNamedAndTheArchitectureIsNotSegmented() throws IOException {
    Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("seg-open"))).create();
    String ns = lamp.getMetadata().getNamespace();
    try {
      startPods(lamp, host("www", ns));

      ArchitectureStatus status = awaitSegmentation(lamp, s -> true);

      assertThat(status.getSegmentation().getSummary()).isEqualTo("OPEN 11/12");
      assertThat(status.getSegmentation().getDeclaredReachable()).isEqualTo("3/3");
      assertThat(status.getSegmentation().getUndeclaredBlocked()).isEqualTo("8/9");
      assertThat(tier(status, "webserver").getFailing())
          .containsExactly("webserver -> www: expected blocked, got connected (3 ms)");
      assertThat(tier(status, "www").getFailing()).isEmpty();
      Condition segmented = condition(status);
      assertThat(segmented.getStatus()).isEqualTo("False");
      assertThat(segmented.getReason()).isEqualTo("UndeclaredEdgeOpen");
      assertThat(segmented.getMessage())
          .contains("webserver -> www: expected blocked, got connected (3 ms)")
          .doesNotContain("not being enforced");
    } finally {
      stopServers();
    }
  }

  @Test
  void declaredEdgesReachableAndUndeclaredBlockedIsSegmented() throws IOException {
    Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("seg-ok"))).create();
    try {
      startPods(lamp, null);

      ArchitectureStatus status = awaitSegmentation(lamp, s -> true);

      assertThat(status.getSegmentation().getSummary()).isEqualTo("SEGMENTED 12/12");
      assertThat(status.getSegmentation().getTiers())
          .extracting(TierSegmentation::getName)
          .containsExactly("rds-mysql", "memcache", "webserver", "www");
      assertThat(condition(status))
          .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
          .containsExactly(
              "True",
              "AllProbesAsExpected",
              "declared edges reachable 3/3, undeclared edges blocked 9/9");
    } finally {
      stopServers();
    }
  }

  @Test
  void disabledSegmentationProbesNothing() {
    Architecture spec = Fixtures.lamp(Fixtures.namespace("seg-off"));
    SegmentationSpec off = new SegmentationSpec();
    off.setEnabled(false);
    spec.getSpec().setSegmentation(off);
    Architecture lamp = client.resource(spec).create();

    ArchitectureStatus status = awaitSegmentation(lamp, s -> true);

    assertThat(status.getSegmentation().getSummary()).isEqualTo("DISABLED");
    assertThat(condition(status).getReason()).isEqualTo("SegmentationDisabled");
  }

  /**
   * A pod with a probe server for every tier that runs pods, then every Deployment reported ready.
   * Declared edges connect; the webserver pod also connects to {@code openHost} (if any).
   */
  private void startPods(Architecture lamp, String openHost) throws IOException {
    String ns = lamp.getMetadata().getNamespace();
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.deployments(ns).size() == 7);
    ProbeServer webserver =
        server()
            .answer(host("memcache", ns), "connected")
            .answer(host("rds-mysql", ns), "connected");
    if (openHost != null) {
      webserver.answer(openHost, "connected");
    }
    TierPodFixture.create(client, lamp, "rds-mysql", "store", server().port());
    TierPodFixture.create(client, lamp, "memcache", "store", server().port());
    TierPodFixture.create(client, lamp, "webserver", "monolith", webserver.port());
    TierPodFixture.create(
        client,
        lamp,
        "www",
        "denominator",
        server().answer(host("webserver-elb", ns), "connected").port());
    cluster.deployments(ns).forEach(cluster::reportReady);
  }

  private ProbeServer server() throws IOException {
    ProbeServer server = new ProbeServer();
    servers.add(server);
    return server;
  }

  private void stopServers() {
    servers.forEach(ProbeServer::close);
    servers.clear();
  }

  private static String host(String tier, String namespace) {
    return "lamp-" + tier + "." + namespace + ".svc";
  }

  private ArchitectureStatus awaitSegmentation(
      Architecture architecture, Predicate<ArchitectureStatus> also) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.resource(architecture).get().getStatus(),
            s ->
                s != null
                    && s.getSegmentation() != null
                    && Conditions.find(s.getConditions(), SegmentationCheck.CONDITION).isPresent()
                    && also.test(s));
  }

  private static TierSegmentation tier(ArchitectureStatus status, String name) {
    return status.getSegmentation().getTiers().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Condition condition(ArchitectureStatus status) {
    return Conditions.find(status.getConditions(), SegmentationCheck.CONDITION).orElseThrow();
  }
}
