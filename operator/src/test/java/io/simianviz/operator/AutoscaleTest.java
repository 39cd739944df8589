package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.evolution.TierAutoscale;
import io.simianviz.operator.desired.ChaosHold;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operator scales an autoscaled tier from what its pods' /metrics show: up at once, down only
 * after the stabilization window (10 minutes here, passed by moving the operator's clock), within
 * min and max, and never a Deployment a chaos outage holds at 0.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
@TestProfile(AutoscaleTest.MovableClock.class)
class AutoscaleTest {
  @Inject KubernetesClient client;
  @Inject TestClock clock;

  public static class MovableClock implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("simianviz.operator.autoscaling.interval", "1s");
    }
  }

  @Test
  void theTierFollowsItsPodsRequestsWithinItsBoundsAndAHeldZoneStaysAtZero() throws Exception {
    String namespace = Fixtures.namespace("autoscale");
    Architecture architecture =
        client.resource(AutoscaleFixtures.architecture(namespace, "10m")).create();
    // count 2 over three zones: zone c has no instance yet, but its Deployment exists at 0
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('c')) != null);
    assertThat(AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('a')))
        .isEqualTo(1);
    TierAutoscale start = awaitNode(architecture, e -> e.getCurrent() == 2);
    assertThat(start.getLastChange()).isNull();

    // A stop outage holds zone c at 0, as the chaos controller does.
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(AutoscaleFixtures.zone('c'))
        .edit(
            d -> {
              d.getMetadata().getAnnotations().put(ChaosHold.ANNOTATION, "test-stop");
              d.getSpec().setReplicas(0);
              return d;
            });

    try (PodMetricsServer pod = new PodMetricsServer(clock)) {
      TierPodFixture.create(client, architecture, "node", "karyon", pod.port());
      // 4,000/s over 2 instances is 40 times the target: up at once, to max
      pod.serve(4000);
      TierAutoscale up = awaitNode(architecture, e -> e.getCurrent() == 12);
      assertThat(up.getReason()).startsWith("2 -> 12 instances per region");
      assertThat(up.getLastChange()).isNotNull();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('a')) == 4);
      assertThat(AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('b')))
          .isEqualTo(4);
      assertThat(AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('c')))
          .isEqualTo(0);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  client.v1().events().inNamespace(namespace).list().getItems().stream()
                      .map(Event::getReason)
                      .anyMatch("Autoscaled"::equals));

      // No more requests: recommended falls to min, the count waits for the window.
      pod.serve(0);
      awaitNode(architecture, e -> e.getRecommended() == 2);
      int hits = pod.hits();
      await().atMost(Duration.ofSeconds(30)).until(() -> pod.hits() >= hits + 3);
      assertThat(AutoscaleFixtures.node(client, architecture).getCurrent()).isEqualTo(12);
      assertThat(AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('a')))
          .isEqualTo(4);

      clock.advance(Duration.ofMinutes(11));
      TierAutoscale down = awaitNode(architecture, e -> e.getCurrent() == 2);
      assertThat(down.getReason()).startsWith("12 -> 2 instances per region");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('a')) == 1);
      assertThat(AutoscaleFixtures.replicas(client, namespace, AutoscaleFixtures.zone('c')))
          .isEqualTo(0);
    }
  }

  private TierAutoscale awaitNode(
      Architecture architecture, java.util.function.Predicate<TierAutoscale> until) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> AutoscaleFixtures.node(client, architecture), e -> e != null && until.test(e));
  }
}
