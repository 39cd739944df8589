package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.operator.status.Conditions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An invalid edit is reported and leaves the running objects exactly as they were. */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class InvalidSpecTest {
  private static final String PROBLEMS =
      "services[2].dependencies[2]: unknown tier \"missing\"; services[5].package: unknown"
          + " package \"nginx\" (expected one of denominator, elb, zuul, karyon, monolith,"
          + " staash, store, cache, volume, priamCassandra, riak, eureka, pirate)";

  @Inject KubernetesClient client;
  @Inject ClusterObjects cluster;

  @Test
  void anInvalidEditSetsInvalidSpecWarnsAndTouchesNothing() {
    Architecture lamp = client.resource(Fixtures.lamp(Fixtures.namespace("invalid"))).create();
    String namespace = lamp.getMetadata().getNamespace();
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.deployments(namespace).size() == 7);
    Map<String, String> versionsBefore = versions(cluster.deployments(namespace));

    // Valid and invalid changes at once: the scaling must not be applied either.
    Fixtures.updateSpec(
        client,
        lamp,
        spec -> {
          Fixtures.tierNamed(spec, "webserver").setCount(60);
          Fixtures.tierNamed(spec, "webserver").getDependencies().add("missing");
          spec.getServices().add(Fixtures.tier("proxy", "nginx", 1, 1));
        });

    Condition invalid =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> invalidSpec(lamp), c -> c != null && "True".equals(c.getStatus()));
    assertThat(invalid.getMessage()).isEqualTo(PROBLEMS);
    assertThat(invalid.getReason()).isEqualTo("ValidationFailed");
    Architecture now = client.resource(lamp).get();
    assertThat(invalid.getObservedGeneration()).isEqualTo(now.getMetadata().getGeneration());
    assertThat(now.getStatus().getObservedGeneration())
        .isEqualTo(now.getMetadata().getGeneration());

    List<Event> warnings = warnings(namespace);
    assertThat(warnings)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getReason()).isEqualTo("InvalidSpec");
              assertThat(e.getMessage()).isEqualTo(PROBLEMS);
              assertThat(e.getInvolvedObject().getName()).isEqualTo("lamp");
              assertThat(e.getInvolvedObject().getUid()).isEqualTo(lamp.getMetadata().getUid());
            });
    assertThat(versions(cluster.deployments(namespace))).isEqualTo(versionsBefore);
  }

  @Test
  void aNameThatIsNotADnsLabelIsInvalid() {
    Architecture dotted =
        Fixtures.architecture(
            Fixtures.namespace("invalid"),
            "shop.v2",
            Fixtures.tier("api", "karyon", 1, 1),
            Fixtures.tier("www", "denominator", 0, 0, "api"));
    Architecture created = client.resource(dotted).create();

    Condition invalid =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> invalidSpec(created), c -> c != null && "True".equals(c.getStatus()));
    assertThat(invalid.getMessage())
        .isEqualTo(
            "metadata.name: \"shop.v2\" is not a valid name (lower-case letters, digits and '-',"
                + " starting with a letter, at most 63 characters)");
    assertThat(cluster.deployments(created.getMetadata().getNamespace())).isEmpty();
  }

  private Condition invalidSpec(Architecture architecture) {
    Architecture now = client.resource(architecture).get();
    return now.getStatus() == null
        ? null
        : Conditions.find(now.getStatus().getConditions(), Conditions.INVALID_SPEC).orElse(null);
  }

  private List<Event> warnings(String namespace) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()))
        .toList();
  }

  private static Map<String, String> versions(List<Deployment> deployments) {
    return deployments.stream()
        .collect(
            Collectors.toMap(
                d -> d.getMetadata().getName(), d -> d.getMetadata().getResourceVersion()));
  }
}
