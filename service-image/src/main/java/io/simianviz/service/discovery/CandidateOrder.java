package io.simianviz.service.discovery;

import io.simianviz.model.topology.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The instances of a dependency in one caller's order of preference: the caller's zone first, then
 * the other zones of its region, then other regions. Each group starts at a rotating offset, which
 * is the client-side load balancing (round robin). spigo dropped a request when the caller's zone
 * had no instance; here the later groups are the fallback, and retries walk down the list.
 *
 * <p>The grouping is made once per discovery snapshot ({@link #isFor}); a call then only takes its
 * first few candidates, so its cost does not grow with the tier (a tier of 240 instances used to be
 * sorted on every call).
 */
public final class CandidateOrder {
  private final List<Endpoint> snapshot;
  private final List<List<Endpoint>> groups;

  private CandidateOrder(List<Endpoint> snapshot, List<List<Endpoint>> groups) {
    this.snapshot = snapshot;
    this.groups = groups;
  }

  /**
   * The order in which a caller tries a dependency's instances: its own zone first.
   *
   * @param all one discovery snapshot of the dependency's instances
   * @param zoneAffinity false for load balancers, which spread over every zone of the region
   */
  public static CandidateOrder of(
      List<Endpoint> all, String region, String zone, boolean zoneAffinity) {
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
    List<List<Endpoint>> groups =
        Stream.of(sameZone, sameRegion, elsewhere)
            .filter(g -> !g.isEmpty())
            .map(List::copyOf)
            .toList();
    return new CandidateOrder(all, groups);
  }

  /** The whole order for one rotation (tests, diagnostics). */
  public static List<Endpoint> order(
      List<Endpoint> all, String region, String zone, boolean zoneAffinity, int rotation) {
    return of(all, region, zone, zoneAffinity).first(all.size(), rotation, e -> false);
  }

  /** Whether this order was made from exactly this discovery snapshot (same list object). */
  @SuppressWarnings("ReferenceEquality") // a new snapshot is a new list: identity is the point
  public boolean isFor(List<Endpoint> candidates) {
    return snapshot == candidates;
  }

  /**
   * The first {@code count} candidates in order of preference, instances that {@code avoid} (just
   * ejected ones) moved behind all others but still usable as a last try. Walks only as far as it
   * must.
   *
   * @param rotation any changing number (a per-caller counter)
   */
  public List<Endpoint> first(int count, int rotation, Predicate<Endpoint> avoid) {
    List<Endpoint> chosen = new ArrayList<>(count);
    List<Endpoint> avoided = null;
    for (int g = 0; g < groups.size() && chosen.size() < count; g++) {
      List<Endpoint> group = groups.get(g);
      int n = group.size();
      int start = Math.floorMod(rotation, n);
      for (int i = 0; i < n && chosen.size() < count; i++) {
        Endpoint e = group.get((start + i) % n);
        if (!avoid.test(e)) {
          chosen.add(e);
        } else {
          if (avoided == null) {
            avoided = new ArrayList<>();
          }
          if (avoided.size() < count) {
            avoided.add(e);
          }
        }
      }
    }
    if (avoided != null) {
      for (int i = 0; i < avoided.size() && chosen.size() < count; i++) {
        chosen.add(avoided.get(i));
      }
    }
    return chosen;
  }
}
