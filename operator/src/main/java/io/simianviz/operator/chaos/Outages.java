package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.DeploymentReplicas;
import io.simianviz.api.v1alpha1.RestoreRecord;
import io.simianviz.model.TierPackage;
import io.simianviz.operator.desired.ChaosHold;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The cluster writes of an outage and of its restore. Each is idempotent, so a restarted operator
 * that finds a record in the status can simply do it again: scale to 0 what is recorded, create the
 * recorded policy, scale back to the recorded counts, delete the recorded policy.
 *
 * <p>Deployments are changed by JSON merge patch (replicas and the {@link ChaosHold} annotation in
 * one write), which needs {@code patch} only; nothing is read first (no {@code get} verb): a
 * missing Deployment is a 404, an existing policy a 409.
 */
final class Outages {
  /** Label on the isolating NetworkPolicy naming its experiment. */
  static final String EXPERIMENT_LABEL = "simianviz.io/chaos-experiment";

  private static final Logger LOG = Logger.getLogger(Outages.class);

  private final KubernetesClient client;

  Outages(KubernetesClient client) {
    this.client = client;
  }

  /** Scales the recorded Deployments to 0 and marks them held by the experiment. */
  void stop(String namespace, RestoreRecord record, String experiment) {
    for (DeploymentReplicas d : record.getDeployments()) {
      patch(namespace, d.getName(), 0, "\"" + experiment + "\"");
    }
  }

  /** Creates the isolating policy: the area's pods, no ingress, no egress. */
  void isolate(
      ChaosExperiment experiment, String policy, String architecture, String region, String zone) {
    try {
      client.resource(isolatingPolicy(experiment, policy, architecture, region, zone)).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // created before a restart: the record was written first, so this is the same policy
    }
  }

  /** Undoes what the record says; a Deployment or policy already gone is fine. */
  void restore(String namespace, RestoreRecord record) {
    for (DeploymentReplicas d : record.getDeployments()) {
      patch(namespace, d.getName(), d.getReplicas(), "null");
    }
    if (record.getNetworkPolicy() != null) {
      client
          .network()
          .v1()
          .networkPolicies()
          .inNamespace(namespace)
          .withName(record.getNetworkPolicy())
          .delete();
    }
  }

  /** Deletes one pod (a monkey experiment: its ReplicaSet replaces it, nothing to restore). */
  void kill(String namespace, String pod) {
    client.pods().inNamespace(namespace).withName(pod).delete();
  }

  private void patch(String namespace, String deployment, int replicas, String hold) {
    String json =
        "{\"metadata\":{\"annotations\":{\"%s\":%s}},\"spec\":{\"replicas\":%d}}"
            .formatted(ChaosHold.ANNOTATION, hold, replicas);
    try {
      client
          .apps()
          .deployments()
          .inNamespace(namespace)
          .withName(deployment)
          .patch(PatchContext.of(PatchType.JSON_MERGE), json);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      LOG.infof("Deployment %s/%s not found: not scaled to %d", namespace, deployment, replicas);
      // the architecture no longer has it (a tier removed mid-outage): nothing to hold or restore
    }
  }

  /**
   * A NetworkPolicy that selects the area's pods (not its traffic sources: they are the users) and
   * allows nothing: with no other policy selecting them, they can neither receive nor send. It has
   * no managed-by label, so the Architecture's policy informer (and its workflow, which deletes the
   * policies it did not build) never sees it; its owner is the experiment, so it goes with it even
   * if the operator is gone.
   */
  static NetworkPolicy isolatingPolicy(
      ChaosExperiment experiment, String name, String architecture, String region, String zone) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(ManifestLabels.ARCHITECTURE, ResourceNames.labelValue(architecture));
    selector.put(ManifestLabels.REGION, ResourceNames.regionLabel(region));
    if (zone != null) {
      selector.put(ManifestLabels.ZONE, ResourceNames.zoneLabel(zone));
    }
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(experiment.getMetadata().getNamespace())
        .addToLabels(ManifestLabels.ARCHITECTURE, ResourceNames.labelValue(architecture))
        .addToLabels(EXPERIMENT_LABEL, experiment.getMetadata().getName())
        .addNewOwnerReference()
        .withApiVersion(experiment.getApiVersion())
        .withKind(experiment.getKind())
        .withName(experiment.getMetadata().getName())
        .withUid(experiment.getMetadata().getUid())
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(selector)
        .withMatchExpressions(
            new LabelSelectorRequirementBuilder()
                .withKey(ManifestLabels.PACKAGE)
                .withOperator("NotIn")
                .withValues(ResourceNames.labelValue(TierPackage.DENOMINATOR.spigoName()))
                .build())
        .endPodSelector()
        .withPolicyTypes(List.of("Ingress", "Egress"))
        .endSpec()
        .build();
  }
}
