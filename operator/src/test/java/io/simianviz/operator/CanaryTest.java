package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.manifest.CanaryDeployments;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.CanaryStatus;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.CanaryAnalysisSpec;
import io.simianviz.model.spec.evolution.CanarySpec;
import io.simianviz.operator.status.Conditions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A push of node v1 -> v2 with a canary judged every 10 s (two intervals to promote, two failures
 * to roll back): canary Deployments beside node's zone Deployments while judged, whose pods'
 * /metrics are a test server's; the operator's clock is moved over the intervals.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
@TestProfile(AutoscaleTest.MovableClock.class)
class CanaryTest {
  private static final String ZONE = "canary-node-us-east-1-zone-";

  /**
   * An interval's failure at 30% errors; the test server's counts follow the operator's clock,
   * which also runs in real time, so the rate is about 0.7, not exactly.
   */
  private static final String ABOUT_70_PERCENT =
      "interval %d: success rate 0\\.(69|70)\\d* below 0\\.99";

  @Inject KubernetesClient client;
  @Inject TestClock clock;

  @Test
  void aGoodCanaryIsPromotedAndTheTierRolls() throws Exception {
    String namespace = Fixtures.namespace("canary-good");
    Rollouts rollouts = new Rollouts(client, namespace);
    try (PodMetricsServer pod = new PodMetricsServer(clock)) {
      pod.serve(100);
      Architecture arch = push(namespace, rollouts, pod);
      judgeInterval(arch, 1);
      judgeInterval(arch, 2);
      Architecture done = settled(arch, rollouts, s -> s.getTransition() == null);
      assertThat(done.getStatus().getTransitions().getLast().getOutcome()).isEqualTo("Converged");
      assertThat(canaries(namespace)).isEmpty();
      assertThat(versions(namespace)).containsOnly("v2");
    }
  }

  @Test
  void aBadCanaryIsRolledBackAndNotTriedAgain() throws Exception {
    String namespace = Fixtures.namespace("canary-bad");
    Rollouts rollouts = new Rollouts(client, namespace);
    try (PodMetricsServer pod = new PodMetricsServer(clock)) {
      pod.serve(100);
      pod.failing(0.3);
      Architecture arch = push(namespace, rollouts, pod);
      judgeInterval(arch, 1);
      clock.advance(Duration.ofSeconds(11));
      Architecture back = settled(arch, rollouts, s -> s.getTransition() == null);
      ArchitectureStatus status = back.getStatus();
      assertThat(status.getTransitions().getLast().getOutcome()).isEqualTo("RolledBack");
      assertThat(status.getApplied().getRolledBack())
          .contains("canary of node v1 -> v2 failed 2 of 2")
          .containsPattern(ABOUT_70_PERCENT.formatted(1));
      Condition progressing =
          Conditions.find(status.getConditions(), Conditions.PROGRESSING).orElseThrow();
      assertThat(progressing.getStatus()).isEqualTo("False");
      assertThat(progressing.getReason()).isEqualTo("RolledBack");
      Event event =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      client.v1().events().inNamespace(namespace).list().getItems().stream()
                          .filter(e -> "RolledBack".equals(e.getReason()))
                          .findFirst()
                          .orElse(null),
                  e -> e != null);
      assertThat(event.getType()).isEqualTo("Warning");
      assertThat(event.getMessage()).containsPattern(ABOUT_70_PERCENT.formatted(2));

      // Later reconciles (every few seconds, and on each settle) leave it rolled back.
      for (int i = 0; i < 6; i++) {
        rollouts.settle();
        Thread.sleep(500);
        Architecture now = client.resource(arch).get();
        assertThat(now.getStatus().getTransition()).isNull();
        assertThat(canaries(namespace)).isEmpty();
      }
      assertThat(versions(namespace)).containsOnly("v1");
      assertThat(client.resource(arch).get().getStatus().getTransitions()).hasSize(1);
    }
  }

  /**
   * node v1 converged, then pushed to v2: returns once the canary is judged, its Deployments' pods
   * serving from {@code pod} and the meter's first reading taken.
   */
  private Architecture push(String namespace, Rollouts rollouts, PodMetricsServer pod) {
    Architecture arch = client.resource(architecture(namespace)).create();
    settled(arch, rollouts, s -> s.getApplied() != null && s.getTransition() == null);
    arch =
        Fixtures.updateSpec(
            client, arch, spec -> Fixtures.tierNamed(spec, "node").setVersion("v2"));
    List<Deployment> canaries =
        await().atMost(Duration.ofSeconds(30)).until(() -> canaries(namespace), l -> l.size() == 3);
    for (Deployment canary : canaries) {
      // count 6 over three zones at weight 50: one canary pod per zone, at v2
      assertThat(canary.getSpec().getReplicas()).isEqualTo(CanaryDeployments.replicas(2, 50));
      assertThat(canary.getSpec().getTemplate().getMetadata().getLabels())
          .containsEntry(ManifestLabels.VERSION, "v2");
      TierPodFixture.serving(client, canary, pod.port());
    }
    assertThat(versions(namespace)).containsOnly("v1");
    Architecture judged =
        settled(arch, rollouts, s -> canary(s) != null && canary(s).getStartedAt() != null);
    assertThat(canary(judged.getStatus()).getPhase()).isEqualTo("judging");
    // The meter's first reading after judging started, its baseline (three pods on one server).
    await().atMost(Duration.ofSeconds(30)).until(() -> pod.hits() >= 3);
    return judged;
  }

  /**
   * Moves the clock over one interval and waits until it is judged (the reading that closed it is
   * the next one's baseline).
   */
  private void judgeInterval(Architecture arch, int n) {
    clock.advance(Duration.ofSeconds(11));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              ArchitectureStatus s = client.resource(arch).get().getStatus();
              return canary(s) == null || canary(s).getIntervals().size() >= n;
            });
  }

  private Architecture settled(
      Architecture arch, Rollouts rollouts, Predicate<ArchitectureStatus> until) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              rollouts.settle();
              ArchitectureStatus s = client.resource(arch).get().getStatus();
              return s != null && until.test(s);
            });
    return client.resource(arch).get();
  }

  private static CanaryStatus canary(ArchitectureStatus s) {
    return s == null || s.getTransition() == null ? null : s.getTransition().getCanary();
  }

  private List<Deployment> canaries(String namespace) {
    return client.apps().deployments().inNamespace(namespace).list().getItems().stream()
        .filter(d -> CanaryDeployments.isCanary(d.getMetadata().getLabels()))
        .toList();
  }

  /** The versions of node's zone Deployments' templates. */
  private List<String> versions(String namespace) {
    List<String> out = new ArrayList<>();
    for (char zone : "abc".toCharArray()) {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName(ZONE + zone).get();
      out.add(d.getSpec().getTemplate().getMetadata().getLabels().get(ManifestLabels.VERSION));
    }
    return out;
  }

  private static Architecture architecture(String namespace) {
    CanaryAnalysisSpec analysis = new CanaryAnalysisSpec();
    analysis.setInterval("10s");
    analysis.setIterations(2);
    analysis.setFailureLimit(2);
    analysis.setMinSuccessRate(0.99);
    CanarySpec canary = new CanarySpec();
    canary.setWeight(50);
    canary.setAnalysis(analysis);
    TierSpec node = Fixtures.tier("node", "karyon", 6, 1, "db");
    node.setVersion("v1");
    node.setCanary(canary);
    return Fixtures.architecture(
        namespace,
        "canary",
        Fixtures.tier("db", "store", 3, 1),
        node,
        Fixtures.tier("node-elb", "elb", 0, 1, "node"),
        Fixtures.tier("www", "denominator", 0, 0, "node-elb"));
  }
}
