package io.simianviz.service;

import io.simianviz.api.topology.Instance;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders the instances of a dependency for one call: the caller's zone first, then the other zones
 * of its region, then other regions. Each group starts at a rotating offset, which is the
 * client-side load balancing (round robin). spigo dropped a request when the caller's zone had no
 * instance; here the later groups are the fallback, and retries walk down the list.
 */
public final class CandidateOrder {
  private CandidateOrder() {}

  /**
   * @param zoneAffinity false for load balancers, which spread over every zone of the region
   * @param rotation any changing number (a per-caller counter)
   */
  public static List<Endpoint> order(
      List<Endpoint> all, String region, String zone, boolean zoneAffinity, int rotation) {
    List<Endpoint> sameZone = new ArrayList<>();
    List<Endpoint> sameRegion = new ArrayList<>();
    List<Endpoint> elsewhere = new ArrayList<>();
    for (Endpoint e : all) {
      boolean inRegion =
          Instance.ANY.equals(region)
              || Instance.ANY.equals(e.region())
              || region.equals(e.region());
      if (!inRegion) {
        elsewhere.add(e);
      } else if (zoneAffinity && !Instance.ANY.equals(zone) && zone.equals(e.zone())) {
        sameZone.add(e);
      } else {
        sameRegion.add(e);
      }
    }
    List<Endpoint> ordered = new ArrayList<>(all.size());
    addRotated(ordered, sameZone, rotation);
    addRotated(ordered, sameRegion, rotation);
    addRotated(ordered, elsewhere, rotation);
    return ordered;
  }

  private static void addRotated(List<Endpoint> out, List<Endpoint> group, int rotation) {
    int n = group.size();
    if (n == 0) {
      return;
    }
    int start = Math.floorMod(rotation, n);
    for (int i = 0; i < n; i++) {
      out.add(group.get((start + i) % n));
    }
  }
}
