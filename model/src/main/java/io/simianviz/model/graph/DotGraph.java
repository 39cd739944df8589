package io.simianviz.model.graph;

import io.simianviz.model.topology.Edge;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Graphviz of a topology: a cluster per region holding its tiers (package and instance count in
 * that region) and a cluster per zone listing how many instances of each tier it holds; global
 * tiers stand outside every region. Arrows join a caller to its dependency in the same region, or
 * in every region when one side is global. With one region a tier's node is named after the tier.
 */
final class DotGraph {
  private final Topology topology;
  private final boolean multiRegion;
  private final StringBuilder out = new StringBuilder();

  /** Instances per tier, then per region (global tiers under {@code *}). */
  private final Map<String, Map<String, List<Instance>>> placement = new LinkedHashMap<>();

  private DotGraph(Topology topology) {
    this.topology = topology;
    for (Instance i : topology.instances()) {
      placement
          .computeIfAbsent(i.tier(), t -> new LinkedHashMap<>())
          .computeIfAbsent(i.region(), r -> new ArrayList<>())
          .add(i);
    }
    this.multiRegion =
        topology.instances().stream()
                .map(Instance::region)
                .filter(r -> !isGlobal(r))
                .distinct()
                .count()
            > 1;
  }

  static String of(Topology topology) {
    return new DotGraph(topology).write();
  }

  private String write() {
    out.append("digraph \"").append(topology.arch()).append("\" {\n");
    out.append("  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    Map<String, List<Instance>> byRegion =
        topology.instances().stream()
            .collect(Collectors.groupingBy(Instance::region, TreeMap::new, Collectors.toList()));
    byRegion.forEach(
        (region, instances) -> {
          if (!isGlobal(region)) {
            region(region, instances);
          }
        });
    placement.forEach(
        (tier, regions) -> {
          if (regions.containsKey(Instance.ANY)) {
            node("  ", tier, Instance.ANY, regions.get(Instance.ANY));
          }
        });
    for (Edge e : topology.edges()) {
      arrows(e);
    }
    return out.append("}\n").toString();
  }

  private void region(String region, List<Instance> instances) {
    out.append("  subgraph \"cluster_").append(region).append("\" {\n");
    out.append("    label=\"").append(region).append("\";\n");
    Map<String, List<Instance>> byTier =
        instances.stream()
            .collect(
                Collectors.groupingBy(Instance::tier, LinkedHashMap::new, Collectors.toList()));
    byTier.forEach((tier, own) -> node("    ", tier, region, own));
    Map<String, List<Instance>> byZone =
        instances.stream()
            .filter(Instance::isZonal)
            .collect(Collectors.groupingBy(Instance::zone, TreeMap::new, Collectors.toList()));
    byZone.forEach((zone, inZone) -> zone(region, zone, inZone));
    out.append("  }\n");
  }

  /** A zone's cluster holds one node: how many instances of each tier run there. */
  private void zone(String region, String zone, List<Instance> instances) {
    String cluster = region + "/" + zone;
    String counts =
        instances.stream()
            .collect(
                Collectors.groupingBy(Instance::tier, LinkedHashMap::new, Collectors.counting()))
            .entrySet()
            .stream()
            .map(e -> e.getKey() + " x" + e.getValue())
            .collect(Collectors.joining("\\l", "", "\\l"));
    out.append("    subgraph \"cluster_").append(cluster).append("\" {\n");
    out.append("      label=\"").append(zone).append("\";\n      style=dashed;\n");
    out.append("      \"")
        .append(cluster)
        .append("\" [label=\"")
        .append(counts)
        .append("\", shape=plaintext];\n");
    out.append("    }\n");
  }

  private void node(String indent, String tier, String region, List<Instance> instances) {
    out.append(indent)
        .append('"')
        .append(id(tier, region))
        .append("\" [label=\"")
        .append(tier)
        .append("\\n")
        .append(instances.get(0).pkg().spigoName())
        .append(" x")
        .append(instances.size())
        .append("\"];\n");
  }

  private void arrows(Edge e) {
    Map<String, List<Instance>> from = placement.getOrDefault(e.from(), Map.of());
    Map<String, List<Instance>> to = placement.getOrDefault(e.to(), Map.of());
    for (String region : from.keySet()) {
      for (String target : to.keySet()) {
        if (region.equals(target) || isGlobal(region) || isGlobal(target)) {
          out.append("  \"")
              .append(id(e.from(), region))
              .append("\" -> \"")
              .append(id(e.to(), target))
              .append("\";\n");
        }
      }
    }
  }

  private String id(String tier, String region) {
    return multiRegion && !isGlobal(region) ? tier + "@" + region : tier;
  }

  private static boolean isGlobal(String region) {
    return Instance.ANY.equals(region);
  }
}
