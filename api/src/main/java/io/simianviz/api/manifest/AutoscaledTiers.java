package io.simianviz.api.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.Defaults;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.AutoscaleSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.TopologyExpander;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deployments of autoscaled tiers. A tier's instances are spread over zones as its count is
 * (the expansion's {@code i mod zones}), so a small count leaves zones empty. An autoscaled tier
 * gets the Deployments and discovery Services of every zone it reaches at its {@code max} from the
 * start, and a zone with no instance at the current count runs 0 replicas: scaling then changes
 * replicas only, never the callers' discovery settings (which list the zone Services), so no caller
 * rolls.
 */
public final class AutoscaledTiers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AutoscaledTiers() {}

  /**
   * Whether the tier has an {@code autoscale} with its bounds and instances tied to zones (count
   * above 0); the validator reports an autoscale without them.
   */
  public static boolean isAutoscaled(TierSpec tier) {
    AutoscaleSpec a = tier.getAutoscale();
    return a != null && a.getMin() != null && a.getMax() != null && Defaults.count(tier) > 0;
  }

  /** The autoscaled tiers of a spec, in declaration order. */
  public static List<TierSpec> of(ArchitectureSpec spec) {
    if (spec == null || spec.getServices() == null) {
      return List.of(); // the validator says what is missing
    }
    return spec.getServices().stream().filter(t -> t != null && isAutoscaled(t)).toList();
  }

  /** Where an autoscaled tier starts: its count, moved into {@code min..max}. */
  public static int start(TierSpec tier) {
    AutoscaleSpec a = tier.getAutoscale();
    return Math.clamp(Defaults.count(tier), a.getMin(), Math.max(a.getMin(), a.getMax()));
  }

  /**
   * The spec the builders render: a copy with each autoscaled tier's count at its max, or the spec
   * itself when no tier autoscales.
   */
  public static ArchitectureSpec atMax(ArchitectureSpec spec) {
    if (of(spec).isEmpty()) {
      return spec;
    }
    ArchitectureSpec copy = JSON.convertValue(spec, ArchitectureSpec.class);
    for (TierSpec tier : of(copy)) {
      tier.setCount(Math.max(tier.getAutoscale().getMin(), tier.getAutoscale().getMax()));
    }
    return copy;
  }

  /**
   * The replicas of each of an autoscaled tier's Deployments at {@code perRegion} instances per
   * region, split over zones as the expansion splits a count. Every Deployment the tier has at its
   * max is in the map, those of zones left empty with 0.
   *
   * @param architecture the Architecture's name
   */
  public static Map<String, Integer> replicas(
      String architecture, ArchitectureSpec spec, String tier, int perRegion) {
    ArchitectureSpec envelope = atMax(spec);
    ResourceNames names = new ResourceNames(architecture);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (ZoneGroup g : groups(architecture, envelope, tier)) {
      out.put(names.deployment(tier, g.region(), g.zone()), 0);
    }
    ArchitectureSpec at = JSON.convertValue(envelope, ArchitectureSpec.class);
    at.getServices().stream()
        .filter(t -> t.getName().equals(tier))
        .forEach(t -> t.setCount(Math.max(1, perRegion)));
    for (ZoneGroup g : groups(architecture, at, tier)) {
      out.put(names.deployment(tier, g.region(), g.zone()), perRegion < 1 ? 0 : g.replicas());
    }
    return out;
  }

  private static List<ZoneGroup> groups(String architecture, ArchitectureSpec spec, String tier) {
    return ZoneGroup.byTier(TopologyExpander.expand(architecture, spec, ExpansionOptions.NONE))
        .getOrDefault(tier, List.of());
  }
}
