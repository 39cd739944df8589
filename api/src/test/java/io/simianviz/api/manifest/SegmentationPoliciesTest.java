package io.simianviz.api.manifest;

import static io.simianviz.api.manifest.ArchitectureManifestsTest.OPTIONS;
import static io.simianviz.api.manifest.ArchitectureManifestsTest.example;
import static io.simianviz.api.manifest.ArchitectureManifestsTest.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.spec.TierSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentationPoliciesTest {

  @Test
  void netflixossPoliciesAllowExactlyTheDeclaredCallers() throws IOException {
    Map<String, Set<String>> callers = allowedCallers(example("netflixoss.yaml"));
    assertThat(callers)
        .isEqualTo(
            Map.of(
                "cass-subscriber", Set.of("cass-subscriber", "subscriber"),
                "evcache-subscriber", Set.of("subscriber"),
                "subscriber", Set.of("login", "homepage"),
                "login", Set.of("wwwproxy"),
                "homepage", Set.of("wwwproxy"),
                "wwwproxy", Set.of("www"),
                "www", Set.of()));
  }

  /**
   * For every tier, the callers its policy admits are the tiers that list it as a dependency, a
   * caller that is an elb standing for the elb's own callers; the egress is the mirror image.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"netflixoss.yaml", "netflixoss-multiregion.yaml", "lamp.yaml", "riak.yaml"})
  void policiesMatchTheDeclaredEdges(String file) throws IOException {
    Architecture arch = example(file);
    Map<String, TierSpec> tiers = new HashMap<>();
    arch.getSpec().getServices().forEach(t -> tiers.put(t.getName(), t));
    Map<String, Set<String>> expectedCallers = new TreeMap<>();
    Map<String, Set<String>> expectedTargets = new TreeMap<>();
    for (TierSpec t : arch.getSpec().getServices()) {
      if (isPodTier(t)) {
        expectedCallers.put(ResourceNames.tier(t.getName()), new HashSet<>());
        expectedTargets.put(ResourceNames.tier(t.getName()), new HashSet<>());
      }
    }
    for (TierSpec caller : arch.getSpec().getServices()) {
      for (String dep : caller.getDependencies()) {
        TierSpec target = tiers.get(dep);
        if (target == null || !isPodTier(target) && !isElb(target)) {
          continue; // eureka
        }
        for (String from : podCallers(caller, arch)) {
          for (String to : podTargets(target, tiers)) {
            expectedCallers.get(ResourceNames.tier(to)).add(ResourceNames.tier(from));
            expectedTargets.get(ResourceNames.tier(from)).add(ResourceNames.tier(to));
          }
        }
      }
    }
    assertThat(new TreeMap<>(allowedCallers(arch))).isEqualTo(expectedCallers);
    assertThat(new TreeMap<>(allowedTargets(arch))).isEqualTo(expectedTargets);
  }

  /**
   * A pod a chaos isolate outage labelled is neither selected by an allow policy nor admitted as a
   * peer by one, so deny-all alone covers it; deny-all still selects it.
   */
  @Test
  void noAllowPolicySelectsOrAdmitsAnIsolatedPod() throws IOException {
    List<NetworkPolicy> policies = policies(example("netflixoss.yaml"));
    LabelSelectorRequirement notIsolated =
        new LabelSelectorRequirement(ManifestLabels.ISOLATED, "DoesNotExist", List.of());
    assertThat(policies.getFirst().getSpec().getPodSelector().getMatchExpressions()).isEmpty();
    for (NetworkPolicy p : policies.subList(1, policies.size())) {
      assertThat(p.getSpec().getPodSelector().getMatchExpressions()).containsExactly(notIsolated);
      List<NetworkPolicyPeer> podPeers = new ArrayList<>();
      p.getSpec().getIngress().stream()
          .filter(rule -> rule.getFrom() != null)
          .forEach(rule -> podPeers.addAll(rule.getFrom()));
      p.getSpec().getEgress().stream()
          .filter(rule -> rule.getTo() != null)
          .forEach(rule -> podPeers.addAll(rule.getTo()));
      podPeers.removeIf(peer -> peer.getNamespaceSelector() != null);
      assertThat(podPeers).isNotEmpty();
      assertThat(podPeers)
          .allSatisfy(
              peer ->
                  assertThat(peer.getPodSelector().getMatchExpressions())
                      .containsExactly(notIsolated));
    }
  }

  @Test
  void everyRuleIsLimitedToItsPortAndTheAdminPortOnlyToTheOperatorNamespace() throws IOException {
    List<NetworkPolicy> policies = policies(example("riak.yaml"));
    NetworkPolicy deny = policies.get(0);
    assertThat(deny.getMetadata().getName()).isEqualTo("riak-deny-all");
    assertThat(deny.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Map.of(ManifestLabels.ARCHITECTURE, "riak"));
    assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
    assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
    for (NetworkPolicy p : policies.subList(1, policies.size())) {
      assertThat(p.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
      for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
        List<Integer> ports =
            rule.getPorts().stream().map(port -> port.getPort().getIntVal()).toList();
        if (rule.getFrom().get(0).getNamespaceSelector() != null) {
          assertThat(ports).containsExactly(8081);
          assertThat(rule.getFrom())
              .singleElement()
              .satisfies(
                  peer ->
                      assertThat(peer.getNamespaceSelector().getMatchLabels())
                          .isEqualTo(Map.of("kubernetes.io/metadata.name", "simianviz-system")));
        } else {
          assertThat(ports).containsExactly(8080);
          assertThat(rule.getFrom()).allMatch(peer -> peer.getNamespaceSelector() == null);
        }
      }
      assertThat(p.getSpec().getEgress().get(0).getPorts())
          .extracting(NetworkPolicyPort::getProtocol, port -> port.getPort().getIntVal())
          .containsExactly(tuple("UDP", 53), tuple("TCP", 53));
      assertThat(p.getSpec().getEgress()).allMatch(rule -> !rule.getPorts().isEmpty());
    }
  }

  @Test
  void scrapeNamespacesReachTheAdminPortOnly() throws IOException {
    List<NetworkPolicy> policies =
        ofKind(
            ArchitectureManifests.build(
                example("lamp.yaml"), OPTIONS.withScrapeNamespaces(List.of("monitoring"))),
            NetworkPolicy.class);
    for (NetworkPolicy p : policies.subList(1, policies.size())) {
      List<NetworkPolicyIngressRule> toNamespaces =
          p.getSpec().getIngress().stream()
              .filter(r -> r.getFrom().get(0).getNamespaceSelector() != null)
              .toList();
      assertThat(toNamespaces)
          .singleElement()
          .satisfies(
              rule -> {
                assertThat(rule.getPorts())
                    .singleElement()
                    .extracting(port -> port.getPort().getIntVal())
                    .isEqualTo(8081);
                assertThat(rule.getFrom())
                    .extracting(peer -> peer.getNamespaceSelector().getMatchLabels())
                    .containsExactly(
                        Map.of("kubernetes.io/metadata.name", "simianviz-system"),
                        Map.of("kubernetes.io/metadata.name", "monitoring"));
              });
    }
  }

  private static List<NetworkPolicy> policies(Architecture arch) {
    return ofKind(ArchitectureManifests.build(arch, OPTIONS), NetworkPolicy.class);
  }

  /** Tier of each tier policy mapped to the tiers of the pod peers allowed in on 8080. */
  private static Map<String, Set<String>> allowedCallers(Architecture arch) {
    return policies(arch).stream()
        .filter(p -> p.getSpec().getPodSelector().getMatchLabels().containsKey(ManifestLabels.TIER))
        .collect(
            Collectors.toMap(
                p -> p.getSpec().getPodSelector().getMatchLabels().get(ManifestLabels.TIER),
                p ->
                    p.getSpec().getIngress().stream()
                        .flatMap(r -> r.getFrom().stream())
                        .map(SegmentationPoliciesTest::podTier)
                        .filter(t -> t != null)
                        .collect(Collectors.toSet())));
  }

  private static Map<String, Set<String>> allowedTargets(Architecture arch) {
    return policies(arch).stream()
        .filter(p -> p.getSpec().getPodSelector().getMatchLabels().containsKey(ManifestLabels.TIER))
        .collect(
            Collectors.toMap(
                p -> p.getSpec().getPodSelector().getMatchLabels().get(ManifestLabels.TIER),
                p ->
                    p.getSpec().getEgress().stream()
                        .filter(r -> r.getTo() != null)
                        .flatMap(r -> r.getTo().stream())
                        .filter(peer -> peer.getNamespaceSelector() == null)
                        .map(SegmentationPoliciesTest::podTier)
                        .collect(Collectors.toSet())));
  }

  private static String podTier(NetworkPolicyPeer peer) {
    return peer.getPodSelector() == null
        ? null
        : peer.getPodSelector().getMatchLabels().get(ManifestLabels.TIER);
  }

  private static boolean isElb(TierSpec t) {
    return t.getPackageName().equals("elb");
  }

  private static boolean isPodTier(TierSpec t) {
    return !isElb(t) && !t.getPackageName().equals("eureka");
  }

  /** The pod tiers a caller stands for: itself, or for an elb, whoever calls the elb. */
  private static Set<String> podCallers(TierSpec caller, Architecture arch) {
    if (!isElb(caller)) {
      return Set.of(caller.getName());
    }
    return arch.getSpec().getServices().stream()
        .filter(t -> t.getDependencies().contains(caller.getName()))
        .flatMap(t -> podCallers(t, arch).stream())
        .collect(Collectors.toSet());
  }

  private static Set<String> podTargets(TierSpec target, Map<String, TierSpec> tiers) {
    if (!isElb(target)) {
      return Set.of(target.getName());
    }
    return target.getDependencies().stream()
        .map(tiers::get)
        .flatMap(t -> podTargets(t, tiers).stream())
        .collect(Collectors.toSet());
  }
}
