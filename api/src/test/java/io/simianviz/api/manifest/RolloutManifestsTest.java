package io.simianviz.api.manifest;

import static io.simianviz.api.manifest.ArchitectureManifestsTest.OPTIONS;
import static io.simianviz.api.manifest.ArchitectureManifestsTest.example;
import static io.simianviz.api.manifest.ArchitectureManifestsTest.ofKind;
import static io.simianviz.api.manifest.ArchitectureManifestsTest.tierOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.RolloutSpec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tier's version and rollout on its Deployments: what makes a code push roll on a cluster. */
class RolloutManifestsTest {

  @Test
  void aVersionIsALabelOfTheTiersPodsSoANewVersionChangesTheTemplate() throws IOException {
    Architecture v1 = example("evolution/bad-push/v1.yaml");
    Architecture v2 = example("evolution/bad-push/v2.yaml");
    Deployment phpV1 = php(v1).getFirst();
    Deployment phpV2 = php(v2).getFirst();
    assertThat(phpV2.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry(ManifestLabels.VERSION, "v2");
    assertThat(phpV1.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry(ManifestLabels.VERSION, "v1");
    // Only the pods carry it: the selector stays, so the Deployment rolls in place.
    assertThat(phpV2.getSpec().getSelector()).isEqualTo(phpV1.getSpec().getSelector());
    for (Deployment db : deployments(v2, "db")) {
      assertThat(db.getSpec().getTemplate().getMetadata().getLabels())
          .doesNotContainKey(ManifestLabels.VERSION);
    }
  }

  @Test
  void withoutRolloutADeploymentSurges25PercentAndKeepsEveryInstance() throws IOException {
    for (Deployment d :
        ofKind(ArchitectureManifests.build(example("lamp.yaml"), OPTIONS), Deployment.class)) {
      assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
      RollingUpdateDeployment rolling = d.getSpec().getStrategy().getRollingUpdate();
      assertThat(rolling.getMaxSurge()).isEqualTo(new IntOrString("25%"));
      assertThat(rolling.getMaxUnavailable()).isEqualTo(new IntOrString(0));
    }
  }

  @Test
  void aTiersRolloutIsItsDeploymentsRollingUpdateNumbersAndPercentages() throws IOException {
    Architecture architecture = example("evolution/bad-push/v2.yaml");
    TierSpec php =
        architecture.getSpec().getServices().stream()
            .filter(t -> t.getName().equals("php"))
            .findFirst()
            .orElseThrow();
    RolloutSpec rollout = new RolloutSpec();
    rollout.setMaxSurge("2");
    rollout.setMaxUnavailable("10%");
    php.setRollout(rollout);
    for (Deployment d : php(architecture)) {
      RollingUpdateDeployment rolling = d.getSpec().getStrategy().getRollingUpdate();
      assertThat(rolling.getMaxSurge()).isEqualTo(new IntOrString(2));
      assertThat(rolling.getMaxUnavailable()).isEqualTo(new IntOrString("10%"));
    }
  }

  private static List<Deployment> php(Architecture architecture) {
    return deployments(architecture, "php");
  }

  private static List<Deployment> deployments(Architecture architecture, String tier) {
    List<Deployment> found =
        ofKind(ArchitectureManifests.build(architecture, OPTIONS), Deployment.class).stream()
            .filter(d -> tier.equals(tierOf(d)))
            .toList();
    assertThat(found).as(tier + "'s Deployments").isNotEmpty();
    return found;
  }
}
