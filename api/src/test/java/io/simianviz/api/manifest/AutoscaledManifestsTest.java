package io.simianviz.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.spec.TierSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An autoscaled tier's Deployments (every zone it reaches at its max, replicas from its count) and
 * the HPA alternative, on {@code examples/evolution/autoscale.yaml} (node: count 2, min 2, max 12,
 * one region of three zones).
 */
class AutoscaledManifestsTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private static Architecture autoscale() throws IOException {
    return ArchitectureManifestsTest.example("evolution/autoscale.yaml");
  }

  private static Map<String, Integer> replicas(List<HasMetadata> objects, String tier) {
    return ArchitectureManifestsTest.ofKind(objects, Deployment.class).stream()
        .filter(d -> tier.equals(ArchitectureManifestsTest.tierOf(d)))
        .collect(
            Collectors.toMap(
                d -> d.getMetadata().getName(),
                d -> d.getSpec().getReplicas() == null ? -1 : d.getSpec().getReplicas(),
                (x, y) -> x,
                LinkedHashMap::new));
  }

  private static TierSpec node(Architecture a) {
    return a.getSpec().getServices().stream()
        .filter(t -> t.getName().equals("node"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCountIsSplitOverZonesAsTheExpansionSplitsIt() throws IOException {
    Architecture a = autoscale();
    assertThat(AutoscaledTiers.replicas("autoscale", a.getSpec(), "node", 2))
        .containsExactly(
            Map.entry("autoscale-node-us-east-1-zone-a", 1),
            Map.entry("autoscale-node-us-east-1-zone-b", 1),
            Map.entry("autoscale-node-us-east-1-zone-c", 0));
    assertThat(AutoscaledTiers.replicas("autoscale", a.getSpec(), "node", 8).values())
        .containsExactly(3, 3, 2);
    assertThat(AutoscaledTiers.replicas("autoscale", a.getSpec(), "node", 0).values())
        .containsExactly(0, 0, 0);
  }

  @Test
  void theTierHasEveryZoneOfItsMaxFromTheStartAndItsCountInReplicas() throws IOException {
    List<HasMetadata> objects =
        ArchitectureManifests.build(autoscale(), ArchitectureManifestsTest.OPTIONS);
    assertThat(replicas(objects, "node"))
        .containsOnly(
            Map.entry("autoscale-node-us-east-1-zone-a", 1),
            Map.entry("autoscale-node-us-east-1-zone-b", 1),
            Map.entry("autoscale-node-us-east-1-zone-c", 0));
    assertThat(ArchitectureManifestsTest.ofKind(objects, HorizontalPodAutoscaler.class)).isEmpty();
  }

  /** Without the envelope a count of 3 would add zone c and change the callers' discovery. */
  @Test
  void anotherCountChangesOnlyTheTiersReplicas() throws IOException {
    Architecture two = autoscale();
    Architecture five = autoscale();
    node(five).setCount(5);
    List<HasMetadata> a = ArchitectureManifests.build(two, ArchitectureManifestsTest.OPTIONS);
    List<HasMetadata> b = ArchitectureManifests.build(five, ArchitectureManifestsTest.OPTIONS);
    assertThat(replicas(b, "node").values()).containsExactly(2, 2, 1);
    b.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .filter(d -> "node".equals(ArchitectureManifestsTest.tierOf(d)))
        .forEach(d -> d.getSpec().setReplicas(replicas(a, "node").get(d.getMetadata().getName())));
    assertThat(ManifestYaml.write(b)).isEqualTo(ManifestYaml.write(a));
  }

  @Test
  void aCountOutsideTheBoundsStartsAtTheNearestOne() throws IOException {
    Architecture a = autoscale();
    node(a).setCount(40);
    assertThat(
            replicas(ArchitectureManifests.build(a, ArchitectureManifestsTest.OPTIONS), "node")
                .values())
        .containsExactly(4, 4, 4);
  }

  @Test
  void withHpasTheDeploymentsSetNoReplicasAndEachHasItsHpa() throws IOException {
    List<HasMetadata> objects =
        ArchitectureManifests.build(
            autoscale(), ArchitectureManifestsTest.OPTIONS.withHpaCpuUtilization(70));
    assertThat(replicas(objects, "node").values()).containsOnly(-1);
    assertThat(replicas(objects, "db").values()).containsExactly(1, 1, 1);
    List<HorizontalPodAutoscaler> hpas =
        ArchitectureManifestsTest.ofKind(objects, HorizontalPodAutoscaler.class);
    assertThat(hpas)
        .extracting(h -> h.getSpec().getScaleTargetRef().getName())
        .containsExactlyElementsOf(replicas(objects, "node").keySet().stream().sorted().toList());
    // min 2 over three zones is 1, 1, 0; an HPA runs at least one. max 12 is 4 each.
    assertThat(hpas).extracting(h -> h.getSpec().getMinReplicas()).containsExactly(1, 1, 1);
    assertThat(hpas).extracting(h -> h.getSpec().getMaxReplicas()).containsExactly(4, 4, 4);
    assertGolden("autoscale-hpa.yaml", ManifestYaml.write(List.copyOf(hpas)));
  }

  private static void assertGolden(String file, String rendered) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean(ManifestGoldenTest.UPDATE_PROPERTY)) {
      Files.writeString(golden, rendered);
      return;
    }
    String expected = Files.exists(golden) ? Files.readString(golden) : "";
    if (!expected.equals(rendered)) {
      fail(
          "the HPAs differ from "
              + golden
              + "; if intended, regenerate with -D"
              + ManifestGoldenTest.UPDATE_PROPERTY
              + "=true and review the diff:\n"
              + rendered);
    }
  }
}
