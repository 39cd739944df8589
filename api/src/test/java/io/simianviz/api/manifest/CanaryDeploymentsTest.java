package io.simianviz.api.manifest;

import static io.simianviz.api.manifest.ArchitectureManifestsTest.OPTIONS;
import static io.simianviz.api.manifest.ArchitectureManifestsTest.example;
import static io.simianviz.api.manifest.ArchitectureManifestsTest.ofKind;
import static io.simianviz.api.manifest.ArchitectureManifestsTest.tierOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replica-weighted canary of a code push: one canary Deployment beside each zone's. */
class CanaryDeploymentsTest {
  private static final int WEIGHT = 10;

  @Test
  void eachZoneDeploymentGetsACanaryWithTheNewTemplateAndItsShareOfReplicas() throws IOException {
    List<HasMetadata> v2 =
        ArchitectureManifests.build(example("evolution/bad-push/v2.yaml"), OPTIONS);
    List<Deployment> php = php(v2);

    List<Deployment> canaries = CanaryDeployments.of(php, WEIGHT);

    assertThat(canaries).hasSameSizeAs(php);
    for (int i = 0; i < php.size(); i++) {
      Deployment zone = php.get(i);
      Deployment canary = canaries.get(i);
      assertThat(canary.getMetadata().getName())
          .isEqualTo(zone.getMetadata().getName() + "-canary");
      assertThat(canary.getMetadata().getLabels()).containsEntry(ManifestLabels.CANARY, "true");
      Map<String, String> pods = canary.getSpec().getTemplate().getMetadata().getLabels();
      assertThat(pods)
          .containsEntry(ManifestLabels.CANARY, "true")
          .containsEntry(ManifestLabels.VERSION, "v2")
          .containsAllEntriesOf(zone.getSpec().getTemplate().getMetadata().getLabels());
      assertThat(canary.getSpec().getSelector().getMatchLabels())
          .containsEntry(ManifestLabels.CANARY, "true")
          .containsAllEntriesOf(zone.getSpec().getSelector().getMatchLabels());
      assertThat(canary.getSpec().getTemplate().getSpec())
          .isEqualTo(zone.getSpec().getTemplate().getSpec());
      // 3 instances per zone: ceil(10% of 3) = 1.
      assertThat(zone.getSpec().getReplicas()).isEqualTo(3);
      assertThat(canary.getSpec().getReplicas()).isEqualTo(1);
    }
    // The zone Deployments themselves are left as they were.
    assertThat(php.getFirst().getMetadata().getLabels()).doesNotContainKey(ManifestLabels.CANARY);
  }

  @Test
  void everyServiceAndPolicyThatSelectsAZonesPodsSelectsItsCanaryPods() throws IOException {
    List<HasMetadata> v2 =
        ArchitectureManifests.build(example("evolution/bad-push/v2.yaml"), OPTIONS);
    List<Deployment> php = php(v2);
    List<Deployment> canaries = CanaryDeployments.of(php, WEIGHT);
    int selecting = 0;
    for (int i = 0; i < php.size(); i++) {
      Map<String, String> zonePods = php.get(i).getSpec().getTemplate().getMetadata().getLabels();
      Map<String, String> canaryPods =
          canaries.get(i).getSpec().getTemplate().getMetadata().getLabels();
      List<Map<String, String>> selectors = new ArrayList<>();
      ofKind(v2, Service.class).stream()
          .map(s -> s.getSpec().getSelector())
          .filter(sel -> sel != null && !sel.isEmpty())
          .forEach(selectors::add);
      ofKind(v2, NetworkPolicy.class).stream()
          .map(p -> p.getSpec().getPodSelector().getMatchLabels())
          .filter(sel -> sel != null && !sel.isEmpty())
          .forEach(selectors::add);
      for (Map<String, String> selector : selectors) {
        if (zonePods.entrySet().containsAll(selector.entrySet())) {
          selecting++;
          assertThat(canaryPods).containsAllEntriesOf(selector);
        }
      }
    }
    // At least the zone's discovery Service, the tier's Service and its allow policy.
    assertThat(selecting).isGreaterThanOrEqualTo(3 * php.size());
  }

  @Test
  void replicasAreTheCeilingOfTheWeightAtLeastOneAndNoneForAZoneAtZero() {
    assertThat(CanaryDeployments.replicas(3, 10)).isEqualTo(1);
    assertThat(CanaryDeployments.replicas(10, 25)).isEqualTo(3);
    assertThat(CanaryDeployments.replicas(4, 50)).isEqualTo(2);
    assertThat(CanaryDeployments.replicas(1, 1)).isEqualTo(1);
    assertThat(CanaryDeployments.replicas(0, 10)).isZero();
    assertThat(CanaryDeployments.replicas(0, 99)).isZero();
  }

  @Test
  void aZoneAtZeroGetsNoCanaryPodAndATierWithAnyReplicaKeepsOne() throws IOException {
    List<Deployment> php =
        php(ArchitectureManifests.build(example("evolution/bad-push/v2.yaml"), OPTIONS));
    assertThat(php).hasSizeGreaterThanOrEqualTo(3);

    List<Deployment> zones = withReplicas(php, 3, 0, 0);
    assertThat(replicasOf(CanaryDeployments.of(zones, WEIGHT))).startsWith(1, 0, 0);

    List<Deployment> allAtZero = withReplicas(php, new int[php.size()]);
    assertThat(replicasOf(CanaryDeployments.of(allAtZero, WEIGHT))).containsOnly(0);
  }

  /** The zone Deployments with these replicas, in order; the rest at 0. */
  private static List<Deployment> withReplicas(List<Deployment> zones, int... replicas) {
    List<Deployment> out = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      out.add(
          new DeploymentBuilder(zones.get(i))
              .editSpec()
              .withReplicas(i < replicas.length ? replicas[i] : 0)
              .endSpec()
              .build());
    }
    return out;
  }

  private static List<Integer> replicasOf(List<Deployment> deployments) {
    return deployments.stream().map(d -> d.getSpec().getReplicas()).toList();
  }

  @Test
  void aLongNameStaysADnsLabel() {
    String zone = "a".repeat(40) + "-" + "b".repeat(18) + "-zone-a";
    String name = CanaryDeployments.name(zone);
    assertThat(name).hasSizeLessThanOrEqualTo(63).endsWith("-canary").matches("[a-z0-9-]+");
    assertThat(name).isNotEqualTo(CanaryDeployments.name(zone.replace('b', 'c')));
  }

  private static List<Deployment> php(List<HasMetadata> objects) {
    List<Deployment> php =
        ofKind(objects, Deployment.class).stream().filter(d -> "php".equals(tierOf(d))).toList();
    assertThat(php).isNotEmpty();
    return php;
  }
}
