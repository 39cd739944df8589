package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosSummary;
import io.simianviz.model.spec.chaos.ChaosGuards;
import io.simianviz.model.spec.chaos.ChaosSpec;
import io.simianviz.model.spec.chaos.MonkeySpec;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The periodic monkey of spec.chaos.monkey: one owned pod of the victim tier per interval, never a
 * pod of another architecture, an unlabelled pod or a pod no ReplicaSet of the architecture owns;
 * nothing deleted in a dry run.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class ChaosMonkeyTest {
  private static final Duration INTERVAL = Duration.ofSeconds(3);

  @Inject KubernetesClient client;
  @Inject ClusterObjects cluster;
  @Inject MeterRegistry metrics;

  @Test
  void deletesExactlyOneOwnedPodPerIntervalAndNothingElse() {
    String namespace = Fixtures.namespace("monkey");
    Architecture lamp = client.resource(withMonkey(Fixtures.lamp(namespace), false)).create();
    Deployment webserver = webserverDeployment(namespace);
    List<String> owned =
        List.of("a", "b", "c").stream()
            .map(s -> TierPodFixture.owned(client, webserver, s).getMetadata().getName())
            .toList();
    Map<String, String> otherLabels =
        new HashMap<>(webserver.getSpec().getTemplate().getMetadata().getLabels());
    otherLabels.put(ManifestLabels.ARCHITECTURE, "other");
    Set<String> bystanders =
        Set.of(
            TierPodFixture.owned(client, webserver, "stray", null).getMetadata().getName(),
            TierPodFixture.labelled(client, namespace, "other-webserver-5f7d8-x", otherLabels)
                .getMetadata()
                .getName(),
            TierPodFixture.labelled(client, namespace, "unlabelled-5f7d8-y", Map.of())
                .getMetadata()
                .getName());

    ChaosSummary first = awaitKills(lamp, 1);
    assertThat(owned).contains(first.getLastVictim());
    assertThat(podNames(namespace)).doesNotContain(first.getLastVictim()).containsAll(bystanders);

    ChaosSummary second = awaitKills(lamp, 2);
    assertThat(owned).contains(second.getLastVictim());
    assertThat(
            Duration.between(
                Instant.parse(first.getLastKillTime()), Instant.parse(second.getLastKillTime())))
        .isGreaterThanOrEqualTo(INTERVAL);
    assertThat(podNames(namespace)).containsAll(bystanders).hasSize(bystanders.size() + 1);

    // One owned webserver pod is left: minHealthy 1 refuses the third strike, saying why. (A strike
    // before the test made the pods was refused too, for want of any.)
    Event refused = awaitEvent(namespace, "ChaosRefused", "guard minHealthy 1");
    assertThat(refused.getType()).isEqualTo("Warning");
    assertThat(status(lamp).getKills()).isEqualTo(2);
    assertThat(podNames(namespace)).containsAll(bystanders).hasSize(bystanders.size() + 1);
    assertThat(
            metrics.counter("simianviz.chaos.actions", "kind", "monkey", "action", "kill").count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aDryRunOnlySaysWhichPodItWouldDelete() {
    String namespace = Fixtures.namespace("monkey-dry");
    Architecture lamp = client.resource(withMonkey(Fixtures.lamp(namespace), true)).create();
    Deployment webserver = webserverDeployment(namespace);
    TierPodFixture.owned(client, webserver, "a");
    TierPodFixture.owned(client, webserver, "b");

    Event dryRun = awaitEvent(namespace, "ChaosDryRun", "");
    assertThat(dryRun.getMessage()).startsWith("dry run: the chaos monkey would delete pod");
    assertThat(dryRun.getInvolvedObject().getKind()).isEqualTo("Architecture");
    assertThat(podNames(namespace)).hasSize(2);
    assertThat(client.resource(lamp).get().getStatus().getChaos()).isNull();
  }

  private static Architecture withMonkey(Architecture architecture, boolean dryRun) {
    MonkeySpec monkey = new MonkeySpec();
    monkey.setVictim("webserver");
    monkey.setInterval(INTERVAL.toSeconds() + "s");
    ChaosGuards guards = new ChaosGuards();
    guards.setMaxFraction(1.0); // only some tiers have pods here
    ChaosSpec chaos = new ChaosSpec();
    chaos.setMonkey(monkey);
    chaos.setGuards(guards);
    chaos.setDryRun(dryRun);
    architecture.getSpec().setChaos(chaos);
    return architecture;
  }

  private Deployment webserverDeployment(String namespace) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.deployments(namespace).stream()
                    .filter(
                        d ->
                            "webserver"
                                .equals(d.getMetadata().getLabels().get(ManifestLabels.TIER)))
                    .findFirst()
                    .orElse(null),
            d -> d != null);
  }

  private ChaosSummary awaitKills(Architecture architecture, long kills) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status(architecture), c -> c != null && c.getKills() == kills);
  }

  private ChaosSummary status(Architecture architecture) {
    Architecture now = client.resource(architecture).get();
    return now.getStatus() == null ? null : now.getStatus().getChaos();
  }

  private Event awaitEvent(String namespace, String reason, String saying) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.v1().events().inNamespace(namespace).list().getItems().stream()
                    .filter(e -> reason.equals(e.getReason()))
                    .filter(e -> e.getMessage().contains(saying))
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  private Set<String> podNames(String namespace) {
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .map(Pod::getMetadata)
        .map(m -> m.getName())
        .collect(Collectors.toSet());
  }
}
