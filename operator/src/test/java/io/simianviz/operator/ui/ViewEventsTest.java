package io.simianviz.operator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.ChaosSummary;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.LiveEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewEventsTest {
  private static Pod pod(String name, boolean ready) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(ManifestLabels.TIER, "web")
        .addToLabels(ManifestLabels.REGION, "us-east-1")
        .addToLabels(ManifestLabels.ZONE, "zonea")
        .endMetadata()
        .withNewStatus()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .endCondition()
        .endStatus()
        .build();
  }

  private static List<String> texts(ViewEvents events) {
    return events.list().stream().map(LiveEvent::text).toList();
  }

  @Test
  void aPodReadyInTheGroupOfAGoneOneReplacesIt() {
    ViewEvents events = new ViewEvents();
    events.observePods("lamp", List.of(pod("web-a", true), pod("web-b", true)), 0);
    events.observePods("lamp", List.of(pod("web-b", true), pod("web-c", false)), 1000);
    events.observePods("lamp", List.of(pod("web-b", true), pod("web-c", true)), 2000);

    assertThat(texts(events))
        .containsExactly("watching lamp: 2 pods", "web-a gone", "web-c ready in place of web-a");
    LiveEvent replacement = events.list().get(2);
    assertThat(replacement.kind()).isEqualTo(EventKind.REPLACEMENT);
    assertThat(replacement.instances()).containsExactly("web-c", "web-a");
  }

  @Test
  void killsShowWhenTheStatusCountsMore() {
    ViewEvents events = new ViewEvents();
    ChaosSummary chaos = new ChaosSummary();
    chaos.setKills(1L);
    events.observeChaos(chaos, 0); // the first reading is where counting starts
    chaos.setKills(2L);
    chaos.setLastVictim("web-b");
    events.observeChaos(chaos, 1000);

    assertThat(events.list())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.KILL);
              assertThat(e.text()).isEqualTo("chaos deleted web-b (2 kills)");
              assertThat(e.instances()).containsExactly("web-b");
            });
  }
}
