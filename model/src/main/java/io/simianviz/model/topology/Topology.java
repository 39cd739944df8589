package io.simianviz.model.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An architecture expanded into instances and tier-level edges. */
public record Topology(String arch, List<Instance> instances, List<Edge> edges) {
  public Topology {
    instances = List.copyOf(instances);
    edges = List.copyOf(edges);
  }

  /** Instances grouped by tier name, in topology order. */
  public Map<String, List<Instance>> byTier() {
    return instances.stream()
        .collect(Collectors.groupingBy(Instance::tier, LinkedHashMap::new, Collectors.toList()));
  }
}
