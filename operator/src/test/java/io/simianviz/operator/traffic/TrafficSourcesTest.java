package io.simianviz.operator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.TrafficSummary;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficSourcesTest {
  /** Answers per pod IP; an IP without an answer fails like an unreachable pod. */
  private final Map<String, TrafficReading> answers = new HashMap<>();

  private final TrafficSources sources =
      new TrafficSources(
          (host, port) -> {
            TrafficReading reading = answers.get(host + ":" + port);
            if (reading == null) {
              throw new IOException("connection refused");
            }
            return reading;
          });

  private final Architecture lamp = architecture();

  @Test
  void readsEveryPodAtItsAdminPort() {
    answers.put("10.0.0.1:9000", new TrafficReading(100, 1, 0.99, 1, 5));
    answers.put("10.0.0.2:8081", new TrafficReading(300, 3, 0.99, 2, 4));

    TrafficSummary summary =
        sources.summarize(
            lamp, List.of(pod("a", "10.0.0.1", 9000), pod("b", "10.0.0.2", null)), null);

    assertThat(summary.getRequests()).isEqualTo(400);
    assertThat(summary.getP50()).isEqualTo(2.0);
  }

  @Test
  void aPodThatFailsCountsWithItsLastReading() {
    answers.put("10.0.0.1:8081", new TrafficReading(100, 0, 1.0, 1, 5));
    answers.put("10.0.0.2:8081", new TrafficReading(100, 0, 1.0, 1, 5));
    List<Pod> pods = List.of(pod("a", "10.0.0.1", null), pod("b", "10.0.0.2", null));
    sources.summarize(lamp, pods, null);

    answers.remove("10.0.0.2:8081");
    answers.put("10.0.0.1:8081", new TrafficReading(500, 0, 1.0, 1, 5));

    assertThat(sources.summarize(lamp, pods, null).getRequests()).isEqualTo(600);
  }

  @Test
  void withoutAnyReadingTheStatusKeepsItsSummary() {
    TrafficSummary shown = new TrafficSummary();
    shown.setRequests(42L);

    assertThat(sources.summarize(lamp, List.of(pod("a", "10.0.0.9", null)), shown)).isSameAs(shown);
    assertThat(sources.summarize(lamp, List.of(pod("a", null, null)), shown)).isSameAs(shown);
    assertThat(sources.summarize(lamp, List.of(), shown)).isSameAs(shown);
  }

  @Test
  void aReplacedPodNoLongerCounts() {
    answers.put("10.0.0.1:8081", new TrafficReading(100, 0, 1.0, 1, 5));
    sources.summarize(lamp, List.of(pod("a", "10.0.0.1", null)), null);

    answers.clear();
    answers.put("10.0.0.3:8081", new TrafficReading(7, 0, 1.0, 1, 5));

    assertThat(sources.summarize(lamp, List.of(pod("c", "10.0.0.3", null)), null).getRequests())
        .isEqualTo(7);
  }

  private static Pod pod(String uid, String ip, Integer adminPort) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("lamp-www-" + uid)
            .withUid(uid)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("nanoservice")
            .addNewPort()
            .withName("http")
            .withContainerPort(8080)
            .endPort()
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPodIP(ip)
            .endStatus();
    if (adminPort != null) {
      pod.editSpec()
          .editFirstContainer()
          .addNewPort()
          .withName("admin")
          .withContainerPort(adminPort)
          .endPort()
          .endContainer()
          .endSpec();
    }
    return pod.build();
  }

  private static Architecture architecture() {
    Architecture a = new Architecture();
    a.getMetadata().setName("lamp");
    a.getMetadata().setNamespace("shop");
    return a;
  }
}
