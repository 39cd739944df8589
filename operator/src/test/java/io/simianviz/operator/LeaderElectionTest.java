package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.operator.helm.HelmChartTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Leader election as production runs it (QOSDK activates it in prod only; this profile activates it
 * here): the operator takes its Lease with get, create and update only (the verbs the chart grants)
 * and then reconciles.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
@TestProfile(LeaderElectionTest.WithLeaderElection.class)
class LeaderElectionTest {
  /** The RBAC verb of each HTTP method on one named object. */
  private static final Map<String, String> VERBS =
      Map.of("GET", "get", "POST", "create", "PUT", "update", "PATCH", "patch", "DELETE", "delete");

  @Inject KubernetesClient client;
  @KubernetesTestServer KubernetesServer server;

  public static class WithLeaderElection implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // The JVM runs the other test classes after this one: the Lease ends with Quarkus, which
      // must not end the JVM.
      return Map.of(
          "quarkus.operator-sdk.activate-leader-election-for-profiles", "test",
          "simianviz.operator.exit-when-leadership-lost", "false");
    }
  }

  @Test
  void theLeaderHoldsTheLeaseAndReconciles() throws InterruptedException {
    Lease lease =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    client
                        .leases()
                        .inNamespace(ManifestOptions.DEFAULT_OPERATOR_NAMESPACE)
                        .withName("simianviz-operator")
                        .get(),
                l -> l != null && l.getSpec().getHolderIdentity() != null);
    assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();

    Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("leader"))).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !client
                    .apps()
                    .deployments()
                    .inNamespace(lamp.getMetadata().getNamespace())
                    .withLabel(ManifestLabels.ARCHITECTURE, "lamp")
                    .list()
                    .getItems()
                    .isEmpty());

    List<String> granted =
        HelmChartTest.render("")
            .get(Role.class, "simianviz-leader-election")
            .getRules()
            .getFirst()
            .getVerbs();
    assertThat(leaseRequests())
        .isNotEmpty()
        .allSatisfy(method -> assertThat(granted).contains(VERBS.get(method)));
  }

  /** The methods of every request the operator (or this test) sent for Leases. */
  private List<String> leaseRequests() throws InterruptedException {
    List<String> methods = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.getKubernetesMockServer().takeRequest(10, TimeUnit.MILLISECONDS))
        != null) {
      if (request.getPath().contains("/leases")) {
        methods.add(request.getMethod());
      }
    }
    return methods;
  }
}
