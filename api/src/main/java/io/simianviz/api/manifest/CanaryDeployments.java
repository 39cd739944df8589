package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canary of a code push on Kubernetes, weighted by replicas as Argo Rollouts does without a
 * traffic router: beside each zone Deployment of the tier, one Deployment with the new version's
 * template and {@code ceil(weight% × zone replicas)} replicas: at least one for a zone with any,
 * none for a zone at 0 (an autoscaled tier's zone scaled to 0, a zone a chaos outage holds), which
 * nobody calls and which a canary pod must not bring back. So a tier with any replica keeps at
 * least one canary pod to judge; one with none at all has none. Its pods keep the tier's labels, so
 * the tier's Services spread calls over them with the others: they get about {@code weight}
 * percent. The {@link ManifestLabels#CANARY} label is on the Deployment, on its pods and in its
 * selector, so it manages its own pods only; the zone Deployment's selector (immutable) also
 * matches them, but a Deployment only adopts pods through its own ReplicaSets.
 */
public final class CanaryDeployments {
  private CanaryDeployments() {}

  /**
   * The canary Deployments of the tier's zone Deployments {@code atNewVersion} (as the target
   * version renders them).
   *
   * @param weight the percentage of the tier's calls for the new version, 1 to 99
   */
  public static List<Deployment> of(List<Deployment> atNewVersion, int weight) {
    return atNewVersion.stream().map(d -> canary(d, weight)).toList();
  }

  /** The canary's name for a zone Deployment: still a DNS label. */
  public static String name(String zoneDeployment) {
    return ResourceNames.fit(zoneDeployment, "canary");
  }

  /** Replicas of the canary of a zone Deployment with {@code replicas}: none when it has none. */
  public static int replicas(int replicas, int weight) {
    return replicas <= 0 ? 0 : Math.max(1, (int) Math.ceil(replicas * weight / 100.0));
  }

  /** Whether an object is a canary Deployment or pod. */
  public static boolean isCanary(Map<String, String> labels) {
    return labels != null && "true".equals(labels.get(ManifestLabels.CANARY));
  }

  private static Deployment canary(Deployment zone, int weight) {
    int zoneReplicas = zone.getSpec().getReplicas() == null ? 1 : zone.getSpec().getReplicas();
    return new DeploymentBuilder(zone)
        .editMetadata()
        .withName(name(zone.getMetadata().getName()))
        .withLabels(marked(zone.getMetadata().getLabels()))
        .endMetadata()
        .editSpec()
        .withReplicas(replicas(zoneReplicas, weight))
        .editSelector()
        .withMatchLabels(marked(zone.getSpec().getSelector().getMatchLabels()))
        .endSelector()
        .editTemplate()
        .editMetadata()
        .withLabels(marked(zone.getSpec().getTemplate().getMetadata().getLabels()))
        .endMetadata()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Map<String, String> marked(Map<String, String> labels) {
    Map<String, String> out = new LinkedHashMap<>(labels);
    out.put(ManifestLabels.CANARY, "true");
    return out;
  }
}
