package io.simianviz.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.RestoreRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which pods an isolate outage in effect still has to record and label. */
class IsolatedAreaTest {
  @Test
  void theAreasPodsTheRecordLacksAreNewcomers() {
    RestoreRecord record = zoneA("web-1", "db-1");

    assertThat(IsolatedArea.newcomers(record, List.of("web-1", "web-2", "db-1", "db-2")))
        .containsExactly("web-2", "db-2");
  }

  @Test
  void theAreaIsWhatTheIsolatingPolicySelectsACanarysPodsToo() {
    Pod canary = pod("web-canary-1", "zoneA", "monolith", null);
    canary.getMetadata().getLabels().put(ManifestLabels.CANARY, "true");

    assertThat(
            IsolatedArea.inArea(
                zoneA(),
                List.of(
                    pod("web-1", "zoneA", "monolith", "gorilla-a"),
                    canary,
                    pod("web-2", "zoneB", "monolith", null),
                    pod("www-1", "zoneA", "denominator", null))))
        .containsExactly("web-1", "web-canary-1");
  }

  @Test
  void recordedPodsWithoutTheLabelAreLabelledAndOthersAreNot() {
    RestoreRecord record = zoneA("web-1", "web-2", "gone");

    List<Pod> cached =
        List.of(
            pod("web-1", "zoneA", "monolith", "gorilla-a"),
            pod("web-2", "zoneA", "monolith", null),
            pod("web-3", "zoneA", "monolith", null)); // not recorded yet: recorded first

    assertThat(IsolatedArea.unlabelled(record, cached)).containsExactly("web-2");
  }

  @Test
  void onlyAnUnlabelledPodInTheAreaThatIsNoTrafficSourceIsOneToIsolate() {
    RestoreRecord record = zoneA();

    assertThat(IsolatedArea.isUnlabelledIn(record, pod("a", "zoneA", "monolith", null))).isTrue();
    assertThat(IsolatedArea.isUnlabelledIn(record, pod("b", "zoneB", "monolith", null))).isFalse();
    assertThat(IsolatedArea.isUnlabelledIn(record, pod("c", "zoneA", "monolith", "other")))
        .isFalse();
    assertThat(IsolatedArea.isUnlabelledIn(record, pod("d", "zoneA", "denominator", null)))
        .isFalse();
  }

  @Test
  void aKongCutsOffTheWholeRegionAndAStopOutageNothing() {
    RestoreRecord kong = zoneA();
    kong.setIsolatedZone(null);
    assertThat(IsolatedArea.isUnlabelledIn(kong, pod("b", "zoneB", "monolith", null))).isTrue();

    RestoreRecord stop = new RestoreRecord();
    assertThat(IsolatedArea.isKept(stop)).isFalse();
    assertThat(IsolatedArea.isUnlabelledIn(stop, pod("a", "zoneA", "monolith", null))).isFalse();
  }

  private static RestoreRecord zoneA(String... pods) {
    RestoreRecord record = new RestoreRecord();
    record.setNetworkPolicy("gorilla-a-isolate");
    record.setIsolatedPods(List.of(pods));
    record.setIsolatedRegion("us-east-1");
    record.setIsolatedZone("zoneA");
    return record;
  }

  private static Pod pod(String name, String zone, String pkg, String isolated) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ManifestLabels.ARCHITECTURE, "lamp");
    labels.put(ManifestLabels.REGION, "us-east-1");
    labels.put(ManifestLabels.ZONE, zone);
    labels.put(ManifestLabels.PACKAGE, pkg);
    if (isolated != null) {
      labels.put(ManifestLabels.ISOLATED, isolated);
    }
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }
}
