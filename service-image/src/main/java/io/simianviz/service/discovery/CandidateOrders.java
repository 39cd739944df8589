package io.simianviz.service.discovery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The candidate orders of one process, shared by every caller in the same place: all instances of a
 * tier in one zone order a dependency alike, so the local runtime keeps one grouping per (tier,
 * place) instead of one per caller (thousands of callers at scale 10000).
 */
public final class CandidateOrders {
  private record Place(String tier, String region, String zone, boolean zoneAffinity) {}

  private final Map<Place, CandidateOrder> orders = new ConcurrentHashMap<>();

  /** The order of this discovery snapshot of {@code tier} for a caller in this place. */
  public CandidateOrder of(
      String tier, List<Endpoint> snapshot, String region, String zone, boolean zoneAffinity) {
    Place place = new Place(tier, region, zone, zoneAffinity);
    CandidateOrder order = orders.get(place);
    if (order == null || !order.isFor(snapshot)) {
      // Two callers may both regroup a new snapshot; either result is the same.
      order = CandidateOrder.of(snapshot, region, zone, zoneAffinity);
      orders.put(place, order);
    }
    return order;
  }
}
