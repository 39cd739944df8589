package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.TierStatus;
import io.simianviz.operator.status.Conditions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Status from the Deployments the cluster reports (their status written here with a PUT). */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class ArchitectureStatusTest {
  @Inject KubernetesClient client;
  @Inject ClusterObjects cluster;

  @Test
  void perTierReadinessFollowsTheDeploymentsReadyReplicas() {
    Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("status"))).create();
    String namespace = lamp.getMetadata().getNamespace();

    ArchitectureStatus initial = awaitStatus(lamp, s -> "0/4".equals(s.getTiersReady()));
    assertThat(initial.getTiers())
        .extracting(TierStatus::getName, TierStatus::getDesired, TierStatus::getReady)
        .containsExactly(
            tuple("rds-mysql", 2, 0),
            tuple("memcache", 1, 0),
            tuple("webserver", 6, 0),
            tuple("www", 1, 0));
    assertThat(initial.getTiers().get(2).getZones())
        .containsExactly("us-east-1/zoneA", "us-east-1/zoneB", "us-east-1/zoneC");
    assertThat(initial.getTiers().get(3).getZones()).containsExactly("global/any");
    assertThat(condition(initial, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(initial.getObservedGeneration()).isEqualTo(lamp.getMetadata().getGeneration());

    deploymentsOf(namespace, "webserver").forEach(d -> cluster.reportReady(d, 2));
    ArchitectureStatus webserverReady = awaitStatus(lamp, s -> "1/4".equals(s.getTiersReady()));
    assertThat(webserverReady.getTiers().get(2).getReady()).isEqualTo(6);
    assertThat(condition(webserverReady, Conditions.READY).getMessage())
        .isEqualTo("1/4 tiers ready; waiting for rds-mysql 0/2, memcache 0/1, www 0/1");

    deploymentsOf(namespace, "rds-mysql").forEach(d -> cluster.reportReady(d, 1));
    deploymentsOf(namespace, "memcache").forEach(d -> cluster.reportReady(d, 1));
    deploymentsOf(namespace, "www").forEach(d -> cluster.reportReady(d, 1));
    ArchitectureStatus ready = awaitStatus(lamp, s -> "4/4".equals(s.getTiersReady()));
    assertThat(condition(ready, Conditions.READY))
        .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly("True", "AllTiersReady", "4/4 tiers ready");
    assertThat(condition(ready, Conditions.PROGRESSING).getStatus()).isEqualTo("False");
    assertThat(client.v1().events().inNamespace(namespace).list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Ready"));
  }

  private ArchitectureStatus awaitStatus(
      Architecture architecture, Predicate<ArchitectureStatus> reached) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.resource(architecture).get().getStatus(),
            s -> s != null && reached.test(s));
  }

  private List<Deployment> deploymentsOf(String namespace, String tier) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withLabel(ManifestLabels.TIER, tier)
        .list()
        .getItems();
  }

  private static Condition condition(ArchitectureStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }
}
