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
 * <p>Deployments are changed by patch (replicas and the {@link ChaosHold} annotation in one write),
 * which needs {@code patch} only; nothing is read first (no {@code get} verb): a missing Deployment
 * is a 404, an existing policy a 409. The hold is set by a JSON merge patch and removed by a JSON
 * Patch ({@code remove}): a merge patch's {@code null} removes a key on a real API server, but the
 * fabric8 mock server the tests run against keeps the key with a null value, and a JSON Patch means
 * the same on both.
 */
final class Outages {
  /** Label on the isolating NetworkPolicy naming its experiment. */
  static final String EXPERIMENT_LABEL = "simianviz.io/chaos-experiment";

  private static final Logger LOG = Logger.getLogger(Outages.class);

  /** What the API server answers to a JSON Patch that does not apply. */
  private static final int HTTP_UNPROCESSABLE_ENTITY = 422;

  private final KubernetesClient client;

  Outages(KubernetesClient client) {
    this.client = client;
  }

  /** Scales the recorded Deployments to 0 and marks them held by the experiment. */
  void stop(String namespace, RestoreRecord record, String experiment) {
    for (DeploymentReplicas d : record.getDeployments()) {
      hold(namespace, d.getName(), experiment);
    }
  }

  /**
   * Labels the recorded pods {@value ManifestLabels#ISOLATED}, which takes them out of every
   * segmentation allow policy, and creates the isolating policy: the area's pods, no ingress, no
   * egress (what cuts them off when segmentation is off).
   */
  void isolate(
      ChaosExperiment experiment,
      RestoreRecord record,
      String architecture,
      String region,
      String zone) {
    label(experiment, record.getIsolatedPods());
    String policy = record.getNetworkPolicy();
    try {
      client.resource(isolatingPolicy(experiment, policy, architecture, region, zone)).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // created before a restart: the record was written first, so this is the same policy
    }
  }

  /** Labels these pods as isolated by the experiment; a pod gone already is fine. */
  void label(ChaosExperiment experiment, List<String> pods) {
    String patch =
        "{\"metadata\":{\"labels\":{\"%s\":\"%s\"}}}"
            .formatted(ManifestLabels.ISOLATED, isolationValue(experiment));
    for (String pod : pods) {
      patchPod(experiment.getMetadata().getNamespace(), pod, PatchType.JSON_MERGE, patch);
    }
  }

  /** The value of {@value ManifestLabels#ISOLATED} on the pods an experiment isolates. */
  static String isolationValue(ChaosExperiment experiment) {
    return ResourceNames.labelValue(experiment.getMetadata().getName());
  }

  /** Undoes what the record says; a Deployment or policy already gone is fine. */
  void restore(String namespace, RestoreRecord record) {
    for (DeploymentReplicas d : record.getDeployments()) {
      release(namespace, d.getName(), d.getReplicas());
    }
    for (String pod : record.getIsolatedPods()) {
      try {
        patchPod(
            namespace,
            pod,
            PatchType.JSON,
            "[{\"op\":\"remove\",\"path\":\"/metadata/labels/%s\"}]"
                .formatted(pointer(ManifestLabels.ISOLATED)));
      } catch (KubernetesClientException e) {
        if (e.getCode() != HTTP_UNPROCESSABLE_ENTITY) {
          throw e;
        }
        // the label is gone already: a restore done again after a restart
      }
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

  /** Replicas 0 and the hold, in one JSON merge patch. */
  private void hold(String namespace, String deployment, String experiment) {
    String json =
        "{\"metadata\":{\"annotations\":{\"%s\":\"%s\"}},\"spec\":{\"replicas\":0}}"
            .formatted(ChaosHold.ANNOTATION, experiment);
    patch(namespace, deployment, PatchType.JSON_MERGE, json);
  }

  /**
   * The recorded replicas back and the hold removed, in one JSON Patch. A restore done twice (a
   * restart after the restore but before the record was cleared) finds no hold to remove, which a
   * JSON Patch refuses (422): then the hold is gone already and only the replicas are set.
   */
  private void release(String namespace, String deployment, int replicas) {
    String json =
        ("[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":%d},"
                + "{\"op\":\"remove\",\"path\":\"/metadata/annotations/%s\"}]")
            .formatted(replicas, pointer(ChaosHold.ANNOTATION));
    try {
      patch(namespace, deployment, PatchType.JSON, json);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HTTP_UNPROCESSABLE_ENTITY) {
        throw e;
      }
      patch(
          namespace,
          deployment,
          PatchType.JSON_MERGE,
          "{\"spec\":{\"replicas\":%d}}".formatted(replicas));
    }
  }

  /** A pod gone (deleted, replaced) is fine: its replacement never had the label. */
  private void patchPod(String namespace, String pod, PatchType type, String patch) {
    try {
      client.pods().inNamespace(namespace).withName(pod).patch(PatchContext.of(type), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      LOG.infof("Pod %s/%s not found: not patched with %s", namespace, pod, patch);
    }
  }

  /** A map key as one JSON Pointer segment (RFC 6901). */
  private static String pointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private void patch(String namespace, String deployment, PatchType type, String patch) {
    try {
      client
          .apps()
          .deployments()
          .inNamespace(namespace)
          .withName(deployment)
          .patch(PatchContext.of(type), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      LOG.infof("Deployment %s/%s not found: not patched with %s", namespace, deployment, patch);
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
