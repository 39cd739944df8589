package io.simianviz.model.topology;

import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which instances may call which, as spigo's graph drew them after discovery: a caller sees its
 * dependency's instances in its own region (all regions when either side is global); zone-local
 * packages see their own zone when it has instances and fall back to the region otherwise; a
 * self-dependent tier sees its peers, across regions too when it depends on eureka.
 */
public final class InstanceEdges {
  /** One possible call between two instances. */
  public record InstanceEdge(Instance source, Instance target) {}

  private InstanceEdges() {}

  public static List<InstanceEdge> of(Topology topology, ArchitectureSpec spec) {
    Map<String, List<Instance>> byTier = topology.byTier();
    Map<String, TierSpec> tiers = new HashMap<>();
    spec.getServices().forEach(t -> tiers.put(t.getName(), t));
    List<InstanceEdge> edges = new ArrayList<>();
    for (Edge edge : topology.edges()) {
      boolean crossRegion =
          tiers.get(edge.from()).getDependencies().contains(TierPackage.EUREKA_DEPENDENCY);
      List<Instance> targets = byTier.getOrDefault(edge.to(), List.of());
      for (Instance caller : byTier.getOrDefault(edge.from(), List.of())) {
        for (Instance target : reachable(caller, targets, crossRegion && edge.selfEdge())) {
          edges.add(new InstanceEdge(caller, target));
        }
      }
    }
    return edges;
  }

  private static List<Instance> reachable(
      Instance caller, List<Instance> targets, boolean anyRegion) {
    List<Instance> inRegion = new ArrayList<>();
    List<Instance> inZone = new ArrayList<>();
    for (Instance t : targets) {
      if (t.equals(caller)) {
        continue;
      }
      boolean sameRegion =
          anyRegion || caller.isGlobal() || t.isGlobal() || t.region().equals(caller.region());
      if (sameRegion) {
        inRegion.add(t);
        if (t.region().equals(caller.region()) && t.zone().equals(caller.zone())) {
          inZone.add(t);
        }
      }
    }
    boolean zoneLocal = caller.pkg().role() == TierPackage.Role.ROUTER && caller.isZonal();
    return zoneLocal && !inZone.isEmpty() ? inZone : inRegion;
  }
}
