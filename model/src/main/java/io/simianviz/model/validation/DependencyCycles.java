package io.simianviz.model.validation;

import io.simianviz.model.Defaults;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.TierSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds dependency cycles through which requests can really flow, given what each package does with
 * its dependencies: traffic sources, load balancers, routers and data access layers call theirs;
 * key-value stores and token rings only copy to or forward within their own tier, and a copied or
 * forwarded request goes no further, so their dependencies carry no loop (spigo's composeV2 {@code
 * db} (staash) and {@code db-data} (store) depend on each other and are fine). A tier that calls
 * itself is a cycle of one. Tiers that can reach each other are reported once, as the shortest
 * cycle from the first of them in spec order.
 */
final class DependencyCycles {
  private final Map<String, List<String>> calls = new LinkedHashMap<>();

  private DependencyCycles(List<TierSpec> tiers) {
    Map<String, TierPackage> packages = new LinkedHashMap<>();
    for (TierSpec t : tiers) {
      if (t.getName() == null) {
        continue; // reported as an error of its own
      }
      TierPackage.fromSpigoName(t.getPackageName()).ifPresent(p -> packages.put(t.getName(), p));
    }
    for (TierSpec t : tiers) {
      TierPackage pkg = packages.get(t.getName());
      if (pkg == null || !passesRequestsOn(pkg)) {
        continue;
      }
      List<String> out = new ArrayList<>();
      for (String dep : t.getDependencies()) {
        TierPackage depPkg = packages.get(dep);
        if (depPkg != null && depPkg.isDeployed() && !out.contains(dep)) {
          out.add(dep);
        }
      }
      calls.put(t.getName(), out);
    }
  }

  /** Warnings such as {@code dependency cycle webserver → api → webserver}, at the first tier. */
  static void check(List<TierSpec> tiers, ArchitectureValidator validator) {
    DependencyCycles cycles = new DependencyCycles(tiers);
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < tiers.size(); i++) {
      String start = tiers.get(i).getName();
      if (start == null || reported.contains(start)) {
        continue;
      }
      List<String> cycle = cycles.from(start);
      if (!cycle.isEmpty()) {
        for (String other : cycles.reachableFrom(start)) {
          if (cycles.reachableFrom(other).contains(start)) {
            reported.add(other);
          }
        }
        validator.warn(
            "services[" + i + "].dependencies",
            "dependency cycle "
                + String.join(" → ", cycle)
                + " → "
                + start
                + ": a request can loop; the nanoservice fails it after "
                + Defaults.HOP_LIMIT
                + " hops");
      }
    }
  }

  private static boolean passesRequestsOn(TierPackage pkg) {
    return switch (pkg.role()) {
      case TRAFFIC_SOURCE, LOAD_BALANCER, ROUTER, DATA_ACCESS -> true;
      case KEY_VALUE, TOKEN_RING, REGISTRY -> false;
    };
  }

  private Set<String> reachableFrom(String start) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(start));
    while (!todo.isEmpty()) {
      for (String dep : calls.getOrDefault(todo.remove(todo.size() - 1), List.of())) {
        if (seen.add(dep)) {
          todo.add(dep);
        }
      }
    }
    return seen;
  }

  /**
   * The shortest path of calls from {@code start} back to it, without the return; empty if none.
   */
  private List<String> from(String start) {
    Map<String, String> cameFrom = new LinkedHashMap<>();
    List<String> frontier = List.of(start);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String tier : frontier) {
        for (String dep : calls.getOrDefault(tier, List.of())) {
          if (dep.equals(start)) {
            return pathTo(tier, cameFrom, start);
          }
          if (!cameFrom.containsKey(dep)) {
            cameFrom.put(dep, tier);
            next.add(dep);
          }
        }
      }
      frontier = next;
    }
    return List.of();
  }

  private static List<String> pathTo(String last, Map<String, String> cameFrom, String start) {
    List<String> path = new ArrayList<>();
    for (String t = last; !t.equals(start); t = cameFrom.get(t)) {
      path.add(0, t);
    }
    path.add(0, start);
    return path;
  }
}
