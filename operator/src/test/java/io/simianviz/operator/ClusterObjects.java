package io.simianviz.operator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.operator.desired.DesiredObjects;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What the mock API server holds for an architecture, in forms tests can compare. */
@ApplicationScoped
class ClusterObjects {
  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(ServiceAccount.class, NetworkPolicy.class, Service.class, Deployment.class);

  private final KubernetesClient client;

  ClusterObjects(KubernetesClient client) {
    this.client = client;
  }

  /** {@code Kind/name} of every object labelled as the architecture's, sorted. */
  Set<String> names(Architecture architecture) {
    String namespace = architecture.getMetadata().getNamespace();
    String name = architecture.getMetadata().getName();
    return names(
        KINDS.stream()
            .flatMap(
                kind ->
                    client
                        .resources(kind)
                        .inNamespace(namespace)
                        .withLabel(ManifestLabels.ARCHITECTURE, name)
                        .list()
                        .getItems()
                        .stream())
            .map(HasMetadata.class::cast)
            .toList());
  }

  /** The Deployments the operator manages in a namespace. */
  List<Deployment> deployments(String namespace) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withLabel(ManifestLabels.MANAGED_BY, ManifestLabels.MANAGED_BY_VALUE)
        .list()
        .getItems();
  }

  /** What the Deployment controller writes once all of a Deployment's pods are ready. */
  void reportReady(Deployment deployment) {
    reportReady(deployment, deployment.getSpec().getReplicas());
  }

  /** What the Deployment controller writes once this many pods are ready. */
  void reportReady(Deployment deployment, int replicas) {
    deployment.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(deployment.getMetadata().getGeneration())
            .withReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withReadyReplicas(replicas)
            .withAvailableReplicas(replicas)
            .build());
    client.resource(deployment).updateStatus();
  }

  static Set<String> names(Collection<? extends HasMetadata> objects) {
    Set<String> names = new TreeSet<>();
    objects.forEach(o -> names.add(o.getKind() + "/" + o.getMetadata().getName()));
    return names;
  }

  /**
   * The object without metadata and status: what the builders decide. The pod template's hash
   * annotation, which the operator adds to the builders' objects as it adds the object's own hash,
   * is left out too.
   */
  ObjectNode content(HasMetadata object) {
    ObjectNode node = client.getKubernetesSerialization().convertValue(object, ObjectNode.class);
    Stream.of("metadata", "status").forEach(node::remove);
    if (node.at("/spec/template/metadata/annotations") instanceof ObjectNode annotations) {
      annotations.remove(DesiredObjects.TEMPLATE_HASH_ANNOTATION);
      if (annotations.isEmpty()) {
        ((ObjectNode) node.at("/spec/template/metadata")).remove("annotations");
      }
    }
    return node;
  }

  <T extends HasMetadata> T get(Class<T> kind, String namespace, String name) {
    return client.resources(kind).inNamespace(namespace).withName(name).get();
  }
}
