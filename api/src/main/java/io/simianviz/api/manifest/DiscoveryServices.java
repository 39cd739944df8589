package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.simianviz.model.TierPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Services of an architecture, per tier in declaration order:
 *
 * <ul>
 *   <li>a tier that runs pods: a ClusterIP Service {@code <arch>-<tier>} (service and admin ports),
 *       and, unless it is a traffic source that nobody calls, one headless Service per (zone) — per
 *       (region, zone) for a tier in several regions — whose DNS A records are the ready pods, for
 *       client-side discovery;
 *   <li>an elb tier: a ClusterIP Service {@code <arch>-<elb>} selecting the pods of the tiers
 *       behind it (by tier when there is one, else by the label {@code elb.simianviz.io/<elb>}).
 * </ul>
 */
final class DiscoveryServices {
  private final String namespace;
  private final TierGraph graph;
  private final ManifestLabels labels;
  private final ResourceNames names;
  private final ManifestOptions options;

  DiscoveryServices(
      String namespace,
      TierGraph graph,
      ManifestLabels labels,
      ResourceNames names,
      ManifestOptions options) {
    this.namespace = namespace;
    this.graph = graph;
    this.labels = labels;
    this.names = names;
    this.options = options;
  }

  List<Service> services() {
    List<Service> out = new ArrayList<>();
    for (String tier : graph.podTiers()) {
      out.add(tierService(tier));
      if (graph.pkg(tier).role() != TierPackage.Role.TRAFFIC_SOURCE) {
        boolean multi = graph.multiRegion(tier);
        for (ZoneGroup group : graph.groups(tier)) {
          out.add(headless(group, multi));
        }
      }
    }
    for (String elb : graph.elbTiers()) {
      out.add(elbService(elb));
    }
    return out;
  }

  private Service tierService(String tier) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(names.tierService(tier))
        .withNamespace(namespace)
        .withLabels(labels.tier(tier, graph.pkg(tier).spigoName()))
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(labels.tierSelector(tier))
        .withPorts(
            graph.pkg(tier).role() == TierPackage.Role.TRAFFIC_SOURCE
                ? List.of(adminPort())
                : List.of(servicePort(tier), adminPort()))
        .endSpec()
        .build();
  }

  private Service headless(ZoneGroup group, boolean multiRegion) {
    String tier = group.tier();
    Map<String, String> objectLabels =
        labels.zone(tier, graph.pkg(tier).spigoName(), group.region(), group.zone());
    if (!multiRegion) {
      objectLabels.remove(ManifestLabels.REGION);
    }
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(names.discoveryService(tier, group.region(), group.zone(), multiRegion))
        .withNamespace(namespace)
        .withLabels(objectLabels)
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(false)
        .withSelector(labels.zoneSelector(tier, multiRegion ? group.region() : null, group.zone()))
        .withPorts(servicePort(tier))
        .endSpec()
        .build();
  }

  private Service elbService(String elb) {
    List<String> behind = List.copyOf(graph.targets(elb));
    Map<String, String> selector =
        behind.size() == 1
            ? labels.tierSelector(behind.get(0))
            : Map.of(
                ManifestLabels.ARCHITECTURE,
                labels.architectureSelector().get(ManifestLabels.ARCHITECTURE),
                ManifestLabels.elbMember(elb),
                "true");
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(names.tierService(elb))
        .withNamespace(namespace)
        .withLabels(labels.tier(elb, TierPackage.ELB.spigoName()))
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(new TreeMap<>(selector))
        .withPorts(servicePort(elb))
        .endSpec()
        .build();
  }

  private ServicePort servicePort(String tier) {
    String name = NanoservicePod.protocol(graph.spec(tier));
    return new ServicePortBuilder()
        .withName(name)
        .withProtocol("TCP")
        .withPort(options.servicePort())
        .withTargetPort(new IntOrString(options.servicePort()))
        .build();
  }

  private ServicePort adminPort() {
    return new ServicePortBuilder()
        .withName(NanoservicePod.ADMIN_PORT_NAME)
        .withProtocol("TCP")
        .withPort(options.adminPort())
        .withTargetPort(new IntOrString(NanoservicePod.ADMIN_PORT_NAME))
        .build();
  }
}
