package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.operator.status.Conditions;
import jakarta.inject.Inject;
import java.net.HttpURLConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A reconcile that fails (here the API server refuses every new Deployment of the namespace, as
 * with a ClusterRole that lost a rule) shows as Degraded with the reason ReconcileError and what
 * failed; the other conditions stay.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class ReconcileErrorTest {
  private static final String FORBIDDEN =
      "deployments.apps is forbidden: User \"system:serviceaccount:simianviz-system:simianviz\""
          + " cannot create resource \"deployments\" in API group \"apps\"";

  @Inject KubernetesClient client;
  @Inject ClusterObjects cluster;
  @KubernetesTestServer KubernetesServer server;

  @Test
  void aFailedReconcileIsDegradedWithItsErrorAndKeepsTheOtherConditions() {
    Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("failing"))).create();
    String namespace = lamp.getMetadata().getNamespace();
    ArchitectureStatus before =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> client.resource(lamp).get().getStatus(),
                s -> s != null && Conditions.find(s.getConditions(), Conditions.READY).isPresent());
    server
        .expect()
        .post()
        .withPath("/apis/apps/v1/namespaces/" + namespace + "/deployments")
        .andReturn(
            HttpURLConnection.HTTP_FORBIDDEN,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(HttpURLConnection.HTTP_FORBIDDEN)
                .withMessage(FORBIDDEN)
                .build())
        .always();

    Architecture changed =
        Fixtures.updateSpec(
            client, lamp, spec -> spec.getServices().add(Fixtures.tier("cache", "store", 1, 1)));

    ArchitectureStatus failed =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> client.resource(lamp).get().getStatus(),
                s -> Conditions.isTrue(s.getConditions(), Conditions.DEGRADED));
    Condition degraded = Conditions.find(failed.getConditions(), Conditions.DEGRADED).orElseThrow();
    assertThat(degraded.getReason()).isEqualTo("ReconcileError");
    assertThat(degraded.getMessage()).startsWith("deployments: ").contains(FORBIDDEN);
    assertThat(degraded.getObservedGeneration()).isEqualTo(changed.getMetadata().getGeneration());
    assertThat(failed.getConditions())
        .extracting(Condition::getType)
        .containsExactlyElementsOf(
            before.getConditions().stream().map(Condition::getType).toList());
    assertThat(failed.getObservedGeneration()).isEqualTo(before.getObservedGeneration());
    assertThat(cluster.deployments(namespace)).hasSize(7);
  }
}
