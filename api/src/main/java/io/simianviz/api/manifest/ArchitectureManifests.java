package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.Defaults;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.model.validation.InvalidArchitectureException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Kubernetes object of an Architecture (docs/kubernetes.md), without owner references (the
 * operator adds them). The order is stable: the ServiceAccount, the NetworkPolicies (deny-all
 * first, so no pod ever runs unsegmented when applied in order), the Services, then the
 * Deployments; within a kind, tiers in declaration order, then regions, then zones.
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
    ArchitectureSpec spec = architecture.getSpec();
    Topology topology = TopologyExpander.expand(name, spec, ExpansionOptions.NONE);

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
    out.addAll(deployments.deployments());
    return out;
  }
}
