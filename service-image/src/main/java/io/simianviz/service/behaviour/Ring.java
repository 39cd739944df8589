package io.simianviz.service.behaviour;

import io.simianviz.model.topology.Instance;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.discovery.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key placement for token rings and replicating stores. Each zone holds a full copy (spigo gave
 * every zone its own tokens), and within a group of instances the owner of a key is chosen by
 * rendezvous hashing: every node agrees on the owner from the same membership, and a node leaving
 * moves only its own keys.
 */
final class Ring {
  private Ring() {}

  /** The owner of a key among candidates, or null when there are none. */
  static Endpoint owner(List<Endpoint> candidates, String key) {
    Endpoint best = null;
    long bestScore = Long.MIN_VALUE;
    for (Endpoint e : candidates) {
      long score = mix(key.hashCode() * 31L + e.instance().hashCode());
      if (best == null || score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }

  /** The instances of the caller's own region and zone (all of the region for a zone-less one). */
  static List<Endpoint> localGroup(List<Endpoint> all, InstanceConfig self) {
    List<Endpoint> group = new ArrayList<>();
    for (Endpoint e : all) {
      if (e.region().equals(self.region())
          && (isAny(self.zone()) || e.zone().equals(self.zone()))) {
        group.add(e);
      }
    }
    return group;
  }

  /**
   * Where a write is copied: the key's owner in each other zone of the region and, when the tier is
   * connected across regions, in each other region (same zone name when it exists there).
   */
  static List<Endpoint> replicaTargets(
      List<Endpoint> all, InstanceConfig self, boolean crossRegion, String key) {
    Map<String, List<Endpoint>> otherZones = new LinkedHashMap<>();
    Map<String, List<Endpoint>> otherRegions = new LinkedHashMap<>();
    for (Endpoint e : all) {
      if (e.region().equals(self.region())) {
        if (!e.zone().equals(self.zone())) {
          otherZones.computeIfAbsent(e.zone(), z -> new ArrayList<>()).add(e);
        }
      } else if (crossRegion) {
        otherRegions.computeIfAbsent(e.region(), r -> new ArrayList<>()).add(e);
      }
    }
    List<Endpoint> targets = new ArrayList<>();
    otherZones.values().forEach(group -> targets.add(owner(group, key)));
    for (List<Endpoint> region : otherRegions.values()) {
      List<Endpoint> sameZone = region.stream().filter(e -> e.zone().equals(self.zone())).toList();
      targets.add(owner(sameZone.isEmpty() ? region : sameZone, key));
    }
    return targets;
  }

  private static boolean isAny(String s) {
    return Instance.ANY.equals(s);
  }

  /** A 64-bit finaliser (from SplitMix64) so similar names spread evenly. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
