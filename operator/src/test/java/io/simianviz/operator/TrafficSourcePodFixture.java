package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.NanoservicePod;
import io.simianviz.api.v1alpha1.Architecture;

/**
 * A traffic source pod as its ReplicaSet would create it, whose admin port is a loopback server of
 * the test: pod IP 127.0.0.1, the container port named admin set to that server's port.
 */
final class TrafficSourcePodFixture {
  private TrafficSourcePodFixture() {}

  static Pod create(KubernetesClient client, Architecture architecture, int adminPort) {
    String namespace = architecture.getMetadata().getNamespace();
    String name = architecture.getMetadata().getName();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name + "-www-global-any-7d9f8-x2k4p")
            .withNamespace(namespace)
            .addToLabels(ManifestLabels.MANAGED_BY, ManifestLabels.MANAGED_BY_VALUE)
            .addToLabels(ManifestLabels.ARCHITECTURE, name)
            .addToLabels(ManifestLabels.TIER, "www")
            .addToLabels(ManifestLabels.PACKAGE, "denominator")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(NanoservicePod.CONTAINER)
            .withImage("simianviz/nanoservice:test")
            .addNewPort()
            .withName(NanoservicePod.ADMIN_PORT_NAME)
            .withContainerPort(adminPort)
            .endPort()
            .endContainer()
            .endSpec()
            .build();
    Pod created = client.resource(pod).create();
    created.setStatus(
        new io.fabric8.kubernetes.api.model.PodStatusBuilder()
            .withPhase("Running")
            .withPodIP("127.0.0.1")
            .build());
    return client.resource(created).updateStatus();
  }
}
