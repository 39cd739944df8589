package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class ArchitectureCreateTest {
  @Inject KubernetesClient client;
  @Inject OperatorConfig config;
  @Inject ClusterObjects cluster;

  @Test
  void everyObjectTheBuildersMakeExistsOwnedByTheArchitecture() {
    Architecture created = client.resource(Fixtures.lamp(Fixtures.namespace("create"))).create();
    List<HasMetadata> expected = Fixtures.expectedObjects(client, created, config);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(cluster.names(created)).isEqualTo(ClusterObjects.names(expected)));
    for (HasMetadata want : expected) {
      HasMetadata have = client.resource(want).get();
      assertThat(cluster.content(have))
          .as(want.getKind() + " " + want.getMetadata().getName())
          .isEqualTo(cluster.content(want));
      assertThat(have.getMetadata().getOwnerReferences())
          .as("owner of " + want.getKind() + " " + want.getMetadata().getName())
          .singleElement()
          .satisfies(owner -> assertOwnedBy(owner, created));
    }
  }

  private static void assertOwnedBy(OwnerReference owner, Architecture architecture) {
    assertThat(owner.getApiVersion()).isEqualTo(Architecture.API_VERSION);
    assertThat(owner.getKind()).isEqualTo("Architecture");
    assertThat(owner.getName()).isEqualTo(architecture.getMetadata().getName());
    assertThat(owner.getUid()).isEqualTo(architecture.getMetadata().getUid());
  }
}
