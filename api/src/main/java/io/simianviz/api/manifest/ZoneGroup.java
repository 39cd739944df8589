package io.simianviz.api.manifest;

import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances of one tier in one (region, zone): one Deployment on Kubernetes.
 *
 * @param region a region name or {@code *}
 * @param zone a zone name or {@code *}
 * @param replicas how many instances the expansion put there
 */
public record ZoneGroup(String tier, String region, String zone, int replicas) {

  /** The groups of every tier, in topology order (tiers as declared, regions, then zones). */
  public static Map<String, List<ZoneGroup>> byTier(Topology topology) {
    Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
    Map<String, Instance> first = new LinkedHashMap<>();
    for (Instance instance : topology.instances()) {
      String key = instance.region() + "\n" + instance.zone();
      counts.computeIfAbsent(instance.tier(), t -> new LinkedHashMap<>())
          .computeIfAbsent(key, k -> new int[1])[0]++;
      first.putIfAbsent(instance.tier() + "\n" + key, instance);
    }
    Map<String, List<ZoneGroup>> groups = new LinkedHashMap<>();
    counts.forEach(
        (tier, byZone) -> {
          List<ZoneGroup> list = new ArrayList<>();
          byZone.forEach(
              (key, n) -> {
                Instance i = first.get(tier + "\n" + key);
                list.add(new ZoneGroup(tier, i.region(), i.zone(), n[0]));
              });
          groups.put(tier, List.copyOf(list));
        });
    return groups;
  }
}
