package io.simianviz.model.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The live model at one moment, as the page receives it (one JSON document per update).
 *
 * @param arch the architecture's name
 * @param atMs when, on the model's clock
 * @param windowS the span of the traffic figures, in seconds
 * @param regions regions, their zones, the tiers in each zone and their instances; a global tier's
 *     region and a zone-less tier's zone are {@code *}
 * @param tiers per tier: readiness and the traffic it served over the window
 * @param edges tier to tier calls over the window
 * @param events the newest events, oldest first
 */
public record LiveSnapshot(
    String arch,
    long atMs,
    double windowS,
    List<Region> regions,
    List<Tier> tiers,
    List<TierEdge> edges,
    List<LiveEvent> events) {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public LiveSnapshot {
    regions = List.copyOf(regions);
    tiers = List.copyOf(tiers);
    edges = List.copyOf(edges);
    events = List.copyOf(events);
  }

  /** A region and its zones, in the order the topology has them. */
  public record Region(String name, List<Zone> zones) {
    public Region {
      zones = List.copyOf(zones);
    }
  }

  /** A zone and the part of each tier placed in it. */
  public record Zone(String name, List<ZoneTier> tiers) {
    public Zone {
      tiers = List.copyOf(tiers);
    }
  }

  /** The instances of one tier in one zone. */
  public record ZoneTier(String name, List<InstanceView> instances) {
    public ZoneTier {
      instances = List.copyOf(instances);
    }
  }

  /** An instance and its state. */
  public record InstanceView(String name, InstanceState state) {}

  /**
   * A tier over all its zones and regions.
   *
   * @param ready instances serving now
   * @param total instances it should have
   * @param served what it served over the window (its traffic sources' requests for a traffic
   *     source)
   */
  public record Tier(
      String name, @JsonProperty("package") String pkg, int ready, int total, Figures served) {}

  /** Calls from one tier to another over the window (retries count once). */
  public record TierEdge(String from, String to, Figures figures) {}

  /** The snapshot as one line of JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain records always serialise", e);
    }
  }

  /** Reads what {@link #toJson} wrote. */
  public static LiveSnapshot fromJson(String json) throws JsonProcessingException {
    return JSON.readValue(json, LiveSnapshot.class);
  }
}
