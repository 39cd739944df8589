package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.NanoservicePod;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.Architecture;

/**
 * A running pod of one tier as its ReplicaSet would create it, whose admin port is a loopback
 * server of the test: pod IP 127.0.0.1, the container port named admin set to that server's port.
 */
final class TierPodFixture {
  private TierPodFixture() {}

  /** A ready pod of the tier. */
  static Pod create(
      KubernetesClient client, Architecture architecture, String tier, String pkg, int adminPort) {
    return create(client, architecture, tier, pkg, adminPort, true);
  }

  /** The traffic source's pod (tier www, denominator), running but with no Ready condition. */
  static Pod trafficSource(KubernetesClient client, Architecture architecture, int adminPort) {
    return create(client, architecture, "www", "denominator", adminPort, false);
  }

  private static Pod create(
      KubernetesClient client,
      Architecture architecture,
      String tier,
      String pkg,
      int adminPort,
      boolean ready) {
    String name = architecture.getMetadata().getName();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name + "-" + ResourceNames.tier(tier) + "-7d9f8-x2k4p")
            .withNamespace(architecture.getMetadata().getNamespace())
            .addToLabels(ManifestLabels.MANAGED_BY, ManifestLabels.MANAGED_BY_VALUE)
            .addToLabels(ManifestLabels.ARCHITECTURE, name)
            .addToLabels(ManifestLabels.TIER, ResourceNames.tier(tier))
            .addToLabels(ManifestLabels.PACKAGE, pkg)
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
    PodStatusBuilder status = new PodStatusBuilder().withPhase("Running").withPodIP("127.0.0.1");
    if (ready) {
      status.addNewCondition().withType("Ready").withStatus("True").endCondition();
    }
    created.setStatus(status.build());
    return client.resource(created).updateStatus();
  }
}
