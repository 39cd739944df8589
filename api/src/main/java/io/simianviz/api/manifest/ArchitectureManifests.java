package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.Defaults;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.model.validation.InvalidArchitectureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every Kubernetes object of an Architecture (docs/kubernetes.md), without owner references (the
 * operator adds them). The order is stable: the ServiceAccount, the NetworkPolicies (deny-all
 * first, so no pod ever runs unsegmented when applied in order), the Services, then the
 * Deployments; within a kind, tiers in declaration order, then regions, then zones. With {@link
 * ManifestOptions#hpaCpuUtilization()}, the HorizontalPodAutoscalers of the autoscaled tiers come
 * last. An autoscaled tier has the Deployments of every zone it reaches at its max ({@link
 * AutoscaledTiers}).
 */
public final class ArchitectureManifests {
  private ArchitectureManifests() {}

  /**
   * Builds the objects of an architecture in its metadata.namespace (none when that is unset, for
   * {@code kubectl apply -n}).
   *
   * @throws InvalidArchitectureException when the spec is invalid
   */
  public static List<HasMetadata> build(Architecture architecture, ManifestOptions options) {
    String name = architecture.getMetadata().getName();
    String namespace = architecture.getMetadata().getNamespace();
    ArchitectureSpec written = architecture.getSpec();
    // The spec as written is validated (its messages, its counts); the envelope is what is built.
    Topology topology = TopologyExpander.expand(name, written, ExpansionOptions.NONE);
    ArchitectureSpec spec = AutoscaledTiers.atMax(written);
    if (!AutoscaledTiers.of(written).isEmpty()) {
      topology = TopologyExpander.expand(name, spec, ExpansionOptions.NONE);
    }

    TierGraph graph = new TierGraph(spec, topology);
    ResourceNames names = new ResourceNames(name);
    ManifestLabels labels = new ManifestLabels(name);
    NanoserviceEnv env = new NanoserviceEnv(name, spec, graph, names, options);
    NanoservicePod pod = new NanoservicePod(graph, names, env, options, spec.getPlacement());
    NanoserviceDeployments deployments =
        new NanoserviceDeployments(namespace, graph, labels, names, pod);

    List<HasMetadata> out = new ArrayList<>();
    out.add(deployments.serviceAccount());
    if (Defaults.segmentationEnabled(spec)) {
      String zipkin = spec.getTracing() == null ? null : spec.getTracing().getZipkinEndpoint();
      out.addAll(
          new SegmentationPolicies(namespace, graph, labels, names, options, zipkin).policies());
    }
    out.addAll(new DiscoveryServices(namespace, graph, labels, names, options).services());
    List<Deployment> built = deployments.deployments();
    Integer hpa = options.hpaCpuUtilization();
    for (TierSpec tier : AutoscaledTiers.of(written)) {
      Map<String, Integer> replicas =
          AutoscaledTiers.replicas(name, written, tier.getName(), AutoscaledTiers.start(tier));
      built.stream()
          .filter(d -> replicas.containsKey(d.getMetadata().getName()))
          // With an HPA the replicas are its to set: a Deployment that named some would fight it.
          .forEach(
              d ->
                  d.getSpec()
                      .setReplicas(hpa == null ? replicas.get(d.getMetadata().getName()) : null));
    }
    out.addAll(built);
    if (hpa != null) {
      out.addAll(HorizontalAutoscalers.of(name, written, built, hpa));
    }
    return out;
  }
}
