package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.TierStatus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code autoscaling.mode=hpa} the operator creates an HPA on CPU per Deployment of the
 * autoscaled tier and leaves the Deployments' replicas to it.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
@TestProfile(HpaAutoscaleTest.HpaMode.class)
class HpaAutoscaleTest {
  @Inject KubernetesClient client;

  public static class HpaMode implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "simianviz.operator.autoscaling.mode", "hpa",
          "simianviz.operator.autoscaling.cpu-utilization", "60");
    }
  }

  @Test
  void eachDeploymentHasItsHpaAndTheOperatorLeavesTheReplicasToIt() {
    String namespace = Fixtures.namespace("hpa");
    Architecture architecture =
        client.resource(AutoscaleFixtures.architecture(namespace, "20s")).create();
    List<HorizontalPodAutoscaler> hpas =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    client
                        .autoscaling()
                        .v2()
                        .horizontalPodAutoscalers()
                        .inNamespace(namespace)
                        .list()
                        .getItems(),
                list -> list.size() == 3);
    assertThat(hpas)
        .extracting(h -> h.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrder(
            AutoscaleFixtures.zone('a'), AutoscaleFixtures.zone('b'), AutoscaleFixtures.zone('c'));
    assertThat(hpas).extracting(h -> h.getSpec().getMinReplicas()).containsOnly(1);
    assertThat(hpas).extracting(h -> h.getSpec().getMaxReplicas()).containsOnly(4);
    assertThat(hpas)
        .extracting(h -> h.getSpec().getMetrics().getFirst().getResource().getTarget())
        .allSatisfy(t -> assertThat(t.getAverageUtilization()).isEqualTo(60));
    assertThat(hpas)
        .extracting(h -> h.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
        .containsOnly(20);
    assertThat(AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('a'))).isNull();

    // The HPA scales zone a to 5; a reconcile for another change leaves it there.
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(AutoscaleFixtures.zone('a'))
        .edit(
            d -> {
              d.getSpec().setReplicas(5);
              return d;
            });
    Fixtures.updateSpec(client, architecture, spec -> Fixtures.tierNamed(spec, "db").setCount(6));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Integer.valueOf(2)
                    .equals(
                        AutoscaleFixtures.replicas(
                            client, namespace, "autoscale-db-us-east-1-zone-a")));
    TierStatus node =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> tier(architecture, "node"), t -> t != null && t.getDesired() == 5);
    assertThat(node.getDesired()).isEqualTo(5);
    assertThat(AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('a')))
        .isEqualTo(5);
    assertThat(client.resource(architecture).get().getStatus().getAutoscale()).isNull();
  }

  private TierStatus tier(Architecture architecture, String name) {
    Architecture now = client.resource(architecture).get();
    return now.getStatus() == null
        ? null
        : now.getStatus().getTiers().stream()
            .filter(t -> name.equals(t.getName()))
            .findFirst()
            .orElse(null);
  }
}
