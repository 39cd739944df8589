package io.simianviz.model.evolution;

import io.simianviz.model.spec.TierSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Each deployed tier's layer in the dependency graph: the order a plan starts tiers in (callees
 * first) and stops them in (callers first).
 */
final class TierLayers {
  private TierLayers() {}

  /**
   * Each deployed tier's layer: 0 when it calls no other deployed tier, else one above the highest
   * layer it calls. Calls to itself and to eureka do not count; an edge that closes a cycle (a
   * store and a data access tier may call each other) is ignored.
   */
  static Map<String, Integer> of(Map<String, TierSpec> tiers) {
    Map<String, Integer> layers = new HashMap<>();
    for (String name : tiers.keySet()) {
      layer(name, tiers, layers, new HashSet<>());
    }
    return layers;
  }

  private static int layer(
      String name, Map<String, TierSpec> tiers, Map<String, Integer> layers, Set<String> path) {
    Integer known = layers.get(name);
    if (known != null) {
      return known;
    }
    path.add(name);
    int layer = 0;
    for (String dep : tiers.get(name).getDependencies()) {
      if (dep.equals(name) || !tiers.containsKey(dep) || path.contains(dep)) {
        continue;
      }
      layer = Math.max(layer, layer(dep, tiers, layers, path) + 1);
    }
    path.remove(name);
    layers.put(name, layer);
    return layer;
  }
}
