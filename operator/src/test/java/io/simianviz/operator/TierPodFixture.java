package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.NanoservicePod;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.Architecture;
import java.util.Map;

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

  /**
   * A ready pod of a Deployment as its ReplicaSet would create it: the template's labels and a
   * controller reference to the ReplicaSet {@code <deployment>-5f7d8}.
   */
  static Pod owned(KubernetesClient client, Deployment deployment, String suffix) {
    return owned(client, deployment, suffix, deployment.getMetadata().getName() + "-5f7d8");
  }

  /** A ready pod with a Deployment's labels whose controller is the ReplicaSet named. */
  static Pod owned(
      KubernetesClient client, Deployment deployment, String suffix, String replicaSet) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(deployment.getMetadata().getName() + "-5f7d8-" + suffix)
            .withNamespace(deployment.getMetadata().getNamespace())
            .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(NanoservicePod.CONTAINER)
            .withImage("simianviz/nanoservice:test")
            .endContainer()
            .endSpec();
    if (replicaSet != null) {
      pod.editMetadata()
          .addNewOwnerReference()
          .withApiVersion("apps/v1")
          .withKind("ReplicaSet")
          .withName(replicaSet)
          .withUid("uid-" + replicaSet)
          .withController(true)
          .endOwnerReference()
          .endMetadata();
    }
    return ready(client, client.resource(pod.build()).create());
  }

  /** A ready pod with exactly these labels, owned by a ReplicaSet of that name. */
  static Pod labelled(
      KubernetesClient client, String namespace, String name, Map<String, String> labels) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .addNewOwnerReference()
            .withApiVersion("apps/v1")
            .withKind("ReplicaSet")
            .withName(name.substring(0, name.lastIndexOf('-')))
            .withUid("uid-" + name)
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(NanoservicePod.CONTAINER)
            .withImage("simianviz/nanoservice:test")
            .endContainer()
            .endSpec()
            .build();
    return ready(client, client.resource(pod).create());
  }

  /**
   * A ready pod of a Deployment's current template (its labels and template hash, as {@link
   * Rollouts} makes them) whose admin port is a loopback server of the test.
   */
  static Pod serving(KubernetesClient client, Deployment deployment, int adminPort) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(deployment.getMetadata().getName() + "-served")
            .withNamespace(deployment.getMetadata().getNamespace())
            .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
            .withAnnotations(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
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
    return ready(client, client.resource(pod).create());
  }

  private static Pod ready(KubernetesClient client, Pod created) {
    created.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withPodIP("127.0.0.1")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .build());
    return client.resource(created).updateStatus();
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
