package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec changes converge: the cluster ends up holding exactly what the builders make. */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class ArchitectureUpdateTest {
  @Inject KubernetesClient client;
  @Inject OperatorConfig config;
  @Inject ClusterObjects cluster;

  @Test
  void scalingATierChangesItsDeploymentsReplicas() {
    Architecture lamp =
        converged(client.resource(Fixtures.lamp(Fixtures.namespace("scale"))).create());
    String namespace = lamp.getMetadata().getNamespace();
    assertThat(replicas(namespace, "lamp-webserver-us-east-1-zone-a")).isEqualTo(2);

    converged(
        Fixtures.updateSpec(
            client, lamp, spec -> Fixtures.tierNamed(spec, "webserver").setCount(12)));

    assertThat(replicas(namespace, "lamp-webserver-us-east-1-zone-a")).isEqualTo(4);
  }

  @Test
  void anAddedTierGetsItsObjectsAndARemovedTierLeavesNoneBehind() {
    Architecture lamp =
        converged(client.resource(Fixtures.lamp(Fixtures.namespace("tiers"))).create());

    Architecture added =
        converged(
            Fixtures.updateSpec(
                client,
                lamp,
                spec -> {
                  spec.getServices().add(Fixtures.tier("sessions", "store", 3, 1));
                  Fixtures.tierNamed(spec, "webserver").getDependencies().add("sessions");
                }));
    assertThat(cluster.names(added))
        .contains(
            "Deployment/lamp-sessions-us-east-1-zone-c",
            "Service/lamp-sessions",
            "NetworkPolicy/lamp-sessions-allow");

    Architecture removed =
        converged(
            Fixtures.updateSpec(
                client,
                added,
                spec -> {
                  spec.getServices().removeIf(t -> t.getName().equals("memcache"));
                  Fixtures.tierNamed(spec, "webserver").getDependencies().remove("memcache");
                }));
    assertThat(cluster.names(removed)).noneMatch(name -> name.contains("memcache"));
  }

  @Test
  void changedDependenciesChangeTheNetworkPolicies() {
    Architecture lamp =
        converged(client.resource(Fixtures.lamp(Fixtures.namespace("deps"))).create());
    String namespace = lamp.getMetadata().getNamespace();
    NetworkPolicy before = cluster.get(NetworkPolicy.class, namespace, "lamp-webserver-allow");

    // webserver stops calling rds-mysql, its last dependency: the policy loses its last egress
    // peer, which a matcher tolerating extra list entries would never remove.
    Architecture dropped =
        converged(
            Fixtures.updateSpec(
                client,
                lamp,
                spec ->
                    Fixtures.tierNamed(spec, "webserver").getDependencies().remove("rds-mysql")));
    NetworkPolicy after = cluster.get(NetworkPolicy.class, namespace, "lamp-webserver-allow");
    assertThat(cluster.content(after)).isNotEqualTo(cluster.content(before));

    // memcache now calls rds-mysql: rds-mysql admits it, memcache may send to it.
    NetworkPolicy store = cluster.get(NetworkPolicy.class, namespace, "lamp-rds-mysql-allow");
    converged(
        Fixtures.updateSpec(
            client,
            dropped,
            spec -> Fixtures.tierNamed(spec, "memcache").getDependencies().add("rds-mysql")));
    assertThat(cluster.content(cluster.get(NetworkPolicy.class, namespace, "lamp-rds-mysql-allow")))
        .isNotEqualTo(cluster.content(store));
  }

  /**
   * Waits until the cluster holds exactly the builders' objects for the Architecture's current
   * spec, each with the builders' content.
   */
  private Architecture converged(Architecture architecture) {
    // The mock API server has no Deployment controller: a changed spec's stages wait for their
    // Deployments to roll out, so the test rolls them out.
    Rollouts rollouts = new Rollouts(client, architecture.getMetadata().getNamespace());
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              rollouts.settle();
              List<HasMetadata> expected = Fixtures.expectedObjects(client, architecture, config);
              assertThat(cluster.names(architecture)).isEqualTo(ClusterObjects.names(expected));
              for (HasMetadata want : expected) {
                assertThat(cluster.content(client.resource(want).get()))
                    .as(want.getKind() + " " + want.getMetadata().getName())
                    .isEqualTo(cluster.content(want));
              }
            });
    return client.resource(architecture).get();
  }

  private int replicas(String namespace, String deployment) {
    return cluster.get(Deployment.class, namespace, deployment).getSpec().getReplicas();
  }
}
