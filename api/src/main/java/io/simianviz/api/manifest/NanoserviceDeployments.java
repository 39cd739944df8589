package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.RolloutSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Deployment per (tier, region, zone) with that zone's instances as replicas, for every tier
 * that runs pods (denominator tiers run the traffic source; elb and eureka tiers have none), and
 * the ServiceAccount the pods run as.
 */
final class NanoserviceDeployments {
  private final String namespace;
  private final TierGraph graph;
  private final ManifestLabels labels;
  private final ResourceNames names;
  private final NanoservicePod pod;

  NanoserviceDeployments(
      String namespace,
      TierGraph graph,
      ManifestLabels labels,
      ResourceNames names,
      NanoservicePod pod) {
    this.namespace = namespace;
    this.graph = graph;
    this.labels = labels;
    this.names = names;
    this.pod = pod;
  }

  ServiceAccount serviceAccount() {
    return new ServiceAccountBuilder()
        .withNewMetadata()
        .withName(names.serviceAccount())
        .withNamespace(namespace)
        .withLabels(labels.architecture())
        .endMetadata()
        .withAutomountServiceAccountToken(false)
        .build();
  }

  List<Deployment> deployments() {
    List<Deployment> out = new ArrayList<>();
    for (String tier : graph.podTiers()) {
      for (ZoneGroup group : graph.groups(tier)) {
        out.add(deployment(group));
      }
    }
    return out;
  }

  private Deployment deployment(ZoneGroup group) {
    String tier = group.tier();
    String pkg = graph.pkg(tier).spigoName();
    Map<String, String> objectLabels = labels.zone(tier, pkg, group.region(), group.zone());
    Map<String, String> podLabels = labels.zone(tier, pkg, group.region(), group.zone());
    graph.sharedElbs(tier).forEach(elb -> podLabels.put(ManifestLabels.elbMember(elb), "true"));
    TierSpec spec = graph.spec(tier);
    if (spec.getVersion() != null) {
      podLabels.put(ManifestLabels.VERSION, spec.getVersion());
    }
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(names.deployment(tier, group.region(), group.zone()))
        .withNamespace(namespace)
        .withLabels(objectLabels)
        .addToAnnotations(ManifestLabels.TIER_NAME_ANNOTATION, tier)
        .endMetadata()
        .withNewSpec()
        .withReplicas(group.replicas())
        .withRevisionHistoryLimit(3)
        .withStrategy(strategy(spec.getRollout()))
        .withNewSelector()
        .withMatchLabels(labels.zoneSelector(tier, group.region(), group.zone()))
        .endSelector()
        .withTemplate(pod.template(group, podLabels))
        .endSpec()
        .build();
  }

  /**
   * The tier's rollout as the Deployment's rolling update. Kubernetes would default maxUnavailable
   * to 25%; ours is 0, so a roll never leaves a zone with fewer ready instances than it asks for.
   */
  static DeploymentStrategy strategy(RolloutSpec rollout) {
    RolloutSpec r = rollout == null ? new RolloutSpec() : rollout;
    return new DeploymentStrategyBuilder()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(intOrPercent(r.getMaxSurge(), "25%"))
        .withMaxUnavailable(intOrPercent(r.getMaxUnavailable(), "0"))
        .endRollingUpdate()
        .build();
  }

  private static IntOrString intOrPercent(String value, String otherwise) {
    String v = value == null ? otherwise : value.trim();
    return v.endsWith("%") ? new IntOrString(v) : new IntOrString(Integer.parseInt(v));
  }
}
