package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.NanoservicePod;
import io.simianviz.operator.desired.DesiredObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the Deployment controller for the mock API server, which has none: each call brings every
 * managed Deployment of a namespace to its spec at once, its pods those of its current template
 * (older ones deleted, missing ones created ready) and its status rolled out. What each call found
 * is kept, so a test can tell in which order the operator changed things.
 */
final class Rollouts {
  private final KubernetesClient client;
  private final String namespace;

  /** Before each settle: Deployment name to its pod template hash. */
  private final List<Map<String, String>> snapshots = new java.util.ArrayList<>();

  Rollouts(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** Rolls everything out; returns what was there before. */
  synchronized Map<String, String> settle() {
    List<Deployment> deployments = managed();
    Map<String, String> snapshot = new LinkedHashMap<>();
    deployments.forEach(d -> snapshot.put(d.getMetadata().getName(), templateHash(d)));
    snapshots.add(snapshot);
    List<Pod> pods =
        client
            .pods()
            .inNamespace(namespace)
            .withLabel(ManifestLabels.MANAGED_BY, ManifestLabels.MANAGED_BY_VALUE)
            .list()
            .getItems();
    for (Pod pod : pods) {
      boolean current =
          deployments.stream()
              .anyMatch(d -> selects(d, pod) && Objects.equals(templateHash(d), hashOf(pod)));
      if (!current) {
        client.resource(pod).withGracePeriod(0).delete();
      }
    }
    for (Deployment d : deployments) {
      int replicas = d.getSpec().getReplicas();
      long have =
          pods.stream()
              .filter(p -> selects(d, p) && Objects.equals(templateHash(d), hashOf(p)))
              .count();
      for (long i = have; i < replicas; i++) {
        pod(d, "p" + i);
      }
      if (d.getStatus() == null
          || !Objects.equals(d.getStatus().getObservedGeneration(), d.getMetadata().getGeneration())
          || !Objects.equals(d.getStatus().getReadyReplicas(), replicas)) {
        d.setStatus(
            new DeploymentStatusBuilder()
                .withObservedGeneration(d.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withReadyReplicas(replicas)
                .withAvailableReplicas(replicas)
                .build());
        client.resource(d).updateStatus();
      }
    }
    return snapshot;
  }

  synchronized List<Map<String, String>> snapshots() {
    return List.copyOf(snapshots);
  }

  /** A ready pod of a Deployment's current template, as its ReplicaSet would make it. */
  Pod pod(Deployment d, String suffix) {
    String hash = templateHash(d);
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(d.getMetadata().getName() + "-" + hash.substring(0, 6) + "-" + suffix)
            .withNamespace(namespace)
            .withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
            .withAnnotations(d.getSpec().getTemplate().getMetadata().getAnnotations())
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(NanoservicePod.CONTAINER)
            .withImage("simianviz/nanoservice:test")
            .endContainer()
            .endSpec()
            .build();
    Pod created = client.resource(pod).create();
    created.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .build());
    return client.resource(created).updateStatus();
  }

  List<Deployment> managed() {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withLabel(ManifestLabels.MANAGED_BY, ManifestLabels.MANAGED_BY_VALUE)
        .list()
        .getItems();
  }

  static String templateHash(Deployment d) {
    return hashOf(d.getSpec().getTemplate().getMetadata().getAnnotations());
  }

  static String hashOf(Pod pod) {
    return hashOf(pod.getMetadata().getAnnotations());
  }

  private static String hashOf(Map<String, String> annotations) {
    return annotations == null ? null : annotations.get(DesiredObjects.TEMPLATE_HASH_ANNOTATION);
  }

  private static boolean selects(Deployment d, Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels != null
        && labels.entrySet().containsAll(d.getSpec().getSelector().getMatchLabels().entrySet());
  }
}
