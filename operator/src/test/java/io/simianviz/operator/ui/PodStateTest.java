package io.simianviz.operator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.model.live.InstanceState;
import org.junit.jupiter.api.Test;

/** A pod's state as the page draws it. */
class PodStateTest {
  private static PodBuilder running() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .endMetadata()
        .withNewStatus()
        .withPhase("Running")
        .endStatus();
  }

  @Test
  void readyStartingKilledAndTerminatingPods() {
    Pod ready =
        running()
            .editStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build();
    assertThat(PodState.of(ready)).isEqualTo(InstanceState.READY);
    assertThat(PodState.of(running().build())).isEqualTo(InstanceState.STARTING);
    assertThat(PodState.of(new PodBuilder().withNewMetadata().endMetadata().build()))
        .isEqualTo(InstanceState.STARTING);
    assertThat(PodState.of(running().editStatus().withPhase("Failed").endStatus().build()))
        .isEqualTo(InstanceState.KILLED);
    Pod crashed =
        running()
            .editStatus()
            .addNewContainerStatus()
            .withName("nanoservice")
            .withNewState()
            .withNewTerminated()
            .withExitCode(137)
            .endTerminated()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    assertThat(PodState.of(crashed)).isEqualTo(InstanceState.KILLED);
    Pod terminating =
        new PodBuilder(ready)
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .endMetadata()
            .build();
    assertThat(PodState.of(terminating)).isEqualTo(InstanceState.DRAINING);
    Pod isolated =
        new PodBuilder(ready)
            .editMetadata()
            .addToLabels(ManifestLabels.ISOLATED, "true")
            .endMetadata()
            .build();
    assertThat(PodState.of(isolated)).isEqualTo(InstanceState.ISOLATED);
  }
}
