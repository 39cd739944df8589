package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NetworkPolicies that allow only the declared edges: {@code <arch>-deny-all} denies all ingress
 * and egress of the architecture's pods; per tier that runs pods, {@code <arch>-<tier>-allow}
 * allows ingress on the service port from the pods of its callers (the tiers that list it as a
 * dependency, itself when self-dependent, and the callers of an elb in front of it), ingress on the
 * admin port from the operator's namespace (and the scrape namespaces, for /metrics), and egress to
 * kube-dns (UDP and TCP 53), to the service port of the pods of its dependencies (through elbs)
 * and, when tracing is on, to the Zipkin port.
 *
 * <p>No allow policy selects a pod labelled {@value ManifestLabels#ISOLATED}, as its target or as a
 * peer: NetworkPolicies add up, so a chaos experiment's {@code isolate} outage cuts a zone off by
 * labelling its pods, which leaves them to {@code deny-all} alone.
 */
final class SegmentationPolicies {
  private static final String KUBE_SYSTEM = "kube-system";
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
  private static final int DNS_PORT = 53;

  private final String namespace;
  private final TierGraph graph;
  private final ManifestLabels labels;
  private final ResourceNames names;
  private final ManifestOptions options;
  private final Integer zipkinPort;

  SegmentationPolicies(
      String namespace,
      TierGraph graph,
      ManifestLabels labels,
      ResourceNames names,
      ManifestOptions options,
      String zipkinEndpoint) {
    this.namespace = namespace;
    this.graph = graph;
    this.labels = labels;
    this.names = names;
    this.options = options;
    this.zipkinPort = zipkinPort(zipkinEndpoint);
  }

  List<NetworkPolicy> policies() {
    List<NetworkPolicy> out = new ArrayList<>();
    out.add(denyAll());
    graph.podTiers().forEach(tier -> out.add(allow(tier)));
    return out;
  }

  private NetworkPolicy denyAll() {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(names.denyAllPolicy())
        .withNamespace(namespace)
        .withLabels(labels.architecture())
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(labels.architectureSelector())
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .endSpec()
        .build();
  }

  private NetworkPolicy allow(String tier) {
    List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
    List<NetworkPolicyPeer> callers =
        graph.callers(tier).stream().map(c -> pods(labels.tierSelector(c))).toList();
    if (!callers.isEmpty()) {
      ingress.add(
          new NetworkPolicyIngressRuleBuilder()
              .withFrom(callers)
              .withPorts(tcp(options.servicePort()))
              .build());
    }
    List<NetworkPolicyPeer> admins = new ArrayList<>();
    admins.add(namespace(options.operatorNamespace()));
    options.scrapeNamespaces().forEach(ns -> admins.add(namespace(ns)));
    ingress.add(
        new NetworkPolicyIngressRuleBuilder()
            .withFrom(admins)
            .withPorts(tcp(options.adminPort()))
            .build());

    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    egress.add(
        new NetworkPolicyEgressRuleBuilder()
            .withTo(
                new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(selector(NAMESPACE_NAME_LABEL, KUBE_SYSTEM))
                    .withPodSelector(selector("k8s-app", "kube-dns"))
                    .build())
            .withPorts(port("UDP", DNS_PORT), port("TCP", DNS_PORT))
            .build());
    List<NetworkPolicyPeer> targets =
        graph.targets(tier).stream().map(t -> pods(labels.tierSelector(t))).toList();
    if (!targets.isEmpty()) {
      egress.add(
          new NetworkPolicyEgressRuleBuilder()
              .withTo(targets)
              .withPorts(tcp(options.servicePort()))
              .build());
    }
    if (zipkinPort != null) {
      egress.add(new NetworkPolicyEgressRuleBuilder().withPorts(tcp(zipkinPort)).build());
    }
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(names.tierPolicy(tier))
        .withNamespace(namespace)
        .withLabels(labels.tier(tier, graph.pkg(tier).spigoName()))
        .endMetadata()
        .withNewSpec()
        .withPodSelector(notIsolated(labels.tierSelector(tier)))
        .withPolicyTypes("Ingress", "Egress")
        .withIngress(ingress)
        .withEgress(egress)
        .endSpec()
        .build();
  }

  private static NetworkPolicyPeer pods(Map<String, String> matchLabels) {
    return new NetworkPolicyPeerBuilder().withPodSelector(notIsolated(matchLabels)).build();
  }

  /** The pods with these labels that no chaos outage isolates. */
  private static LabelSelector notIsolated(Map<String, String> matchLabels) {
    return new LabelSelectorBuilder()
        .withMatchLabels(matchLabels)
        .addNewMatchExpression()
        .withKey(ManifestLabels.ISOLATED)
        .withOperator("DoesNotExist")
        .endMatchExpression()
        .build();
  }

  private static NetworkPolicyPeer namespace(String name) {
    return new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(selector(NAMESPACE_NAME_LABEL, name))
        .build();
  }

  private static LabelSelector selector(String key, String value) {
    return new LabelSelectorBuilder().addToMatchLabels(key, value).build();
  }

  private static NetworkPolicyPort tcp(int number) {
    return port("TCP", number);
  }

  private static NetworkPolicyPort port(String protocol, int number) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(number))
        .build();
  }

  /** The port of a Zipkin URL (80 or 443 when it names none), or null without a usable URL. */
  static Integer zipkinPort(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(endpoint.trim());
      if (uri.getPort() > 0) {
        return uri.getPort();
      }
      return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
