package io.simianviz.api.manifest;

import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tiers of an architecture as Kubernetes sees them: which run pods, which are elb Services
 * only, and who sends packets to whom once elb Services are looked through (a caller of an elb
 * reaches the pods behind it). {@code eureka} tiers and the {@code eureka} pseudo-dependency have
 * no objects and are not edges.
 */
public final class TierGraph {
  private final Map<String, TierSpec> tiers = new LinkedHashMap<>();
  private final Map<String, TierPackage> packages = new LinkedHashMap<>();
  private final Map<String, List<ZoneGroup>> groups;

  public TierGraph(ArchitectureSpec spec, Topology topology) {
    for (TierSpec tier : spec.getServices()) {
      tiers.put(tier.getName(), tier);
      packages.put(tier.getName(), TierPackage.fromSpigoName(tier.getPackageName()).orElseThrow());
    }
    this.groups = ZoneGroup.byTier(topology);
  }

  public TierSpec spec(String tier) {
    return tiers.get(tier);
  }

  public TierPackage pkg(String tier) {
    return packages.get(tier);
  }

  public boolean isElb(String tier) {
    return packages.get(tier) == TierPackage.ELB;
  }

  /** Tiers that run pods, in declaration order: deployed and not elb. */
  public List<String> podTiers() {
    return tiers.keySet().stream().filter(t -> pkg(t).isDeployed() && !isElb(t)).toList();
  }

  /** elb tiers, in declaration order. */
  public List<String> elbTiers() {
    return tiers.keySet().stream().filter(this::isElb).toList();
  }

  /** Where a tier's instances are, one group per (region, zone). */
  public List<ZoneGroup> groups(String tier) {
    return groups.getOrDefault(tier, List.of());
  }

  /** Whether a tier spans more than one region. */
  public boolean multiRegion(String tier) {
    return groups(tier).stream().map(ZoneGroup::region).distinct().count() > 1;
  }

  /** Whether a tier lists eureka: its peers in other regions are its peers too. */
  public boolean crossRegion(String tier) {
    return spec(tier).getDependencies().stream()
        .anyMatch(d -> TierPackage.EUREKA_DEPENDENCY.equals(d) || pkg(d) == TierPackage.EUREKA);
  }

  /** The declared dependencies that are tiers with objects (pods or an elb Service), in order. */
  public List<String> dependencies(String tier) {
    return spec(tier).getDependencies().stream()
        .filter(d -> packages.containsKey(d) && pkg(d).isDeployed())
        .distinct()
        .toList();
  }

  /** Pod tiers a tier's pods send requests to: its dependencies, elbs replaced by their targets. */
  public Set<String> targets(String tier) {
    Set<String> out = new LinkedHashSet<>();
    collectTargets(tier, out, new HashSet<>());
    return out;
  }

  /** Pod tiers whose pods send requests to a tier: callers of an elb in front of it included. */
  public Set<String> callers(String tier) {
    Set<String> out = new LinkedHashSet<>();
    collectCallers(tier, out, new HashSet<>());
    return out;
  }

  /**
   * elb tiers in front of a tier together with other tiers: their Service selects pods by a
   * membership label rather than by tier.
   */
  public List<String> sharedElbs(String tier) {
    return elbTiers().stream()
        .filter(elb -> targets(elb).size() > 1 && targets(elb).contains(tier))
        .toList();
  }

  private void collectTargets(String tier, Set<String> out, Set<String> seen) {
    if (!seen.add(tier)) {
      return;
    }
    for (String dep : dependencies(tier)) {
      if (isElb(dep)) {
        collectTargets(dep, out, seen);
      } else {
        out.add(dep);
      }
    }
  }

  private void collectCallers(String tier, Set<String> out, Set<String> seen) {
    if (!seen.add(tier)) {
      return;
    }
    List<String> direct = new ArrayList<>();
    for (String caller : tiers.keySet()) {
      if (dependencies(caller).contains(tier)) {
        direct.add(caller);
      }
    }
    for (String caller : direct) {
      if (isElb(caller)) {
        collectCallers(caller, out, seen);
      } else {
        out.add(caller);
      }
    }
  }
}
