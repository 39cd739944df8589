package io.simianviz.model.topology;

import io.simianviz.model.Defaults;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.validation.ArchitectureValidator;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Expands tiers into instances: effective count = count x scale / 100 (at least 1), spread over
 * zones i mod zones, in the first regions x regionCount region names.
 */
public final class TopologyExpander {
  private TopologyExpander() {}

  /**
   * Expands a spec after applying the options.
   *
   * @throws InvalidArchitectureException when the spec (with the options applied) is invalid
   */
  public static Topology expand(String arch, ArchitectureSpec spec, ExpansionOptions options) {
    ArchitectureSpec effective = withOptions(spec, options);
    ValidationResult result = ArchitectureValidator.validate(effective);
    if (!result.isValid()) {
      throw new InvalidArchitectureException(result.errors());
    }
    int scale = Defaults.scale(effective);
    int regionCount = Defaults.regionCount(effective);
    List<String> regionNames = Defaults.regionNames(effective);
    List<String> zoneNames = Defaults.zoneNames(effective);
    Set<String> deployed =
        effective.getServices().stream()
            .filter(t -> TierPackage.fromSpigoName(t.getPackageName()).orElseThrow().isDeployed())
            .map(TierSpec::getName)
            .collect(Collectors.toSet());
    List<Instance> instances = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (TierSpec tier : effective.getServices()) {
      if (!deployed.contains(tier.getName())) {
        continue;
      }
      TierPackage pkg = TierPackage.fromSpigoName(tier.getPackageName()).orElseThrow();
      int count = Defaults.count(tier);
      int perRegion = count == 0 ? 1 : Math.max(1, (int) ((long) count * scale / 100));
      int width = Math.max(2, String.valueOf(perRegion - 1).length());
      int regions = Defaults.regions(tier);
      List<String> tierRegions =
          regions == 0 ? List.of(Instance.ANY) : regionNames.subList(0, regions * regionCount);
      for (String region : tierRegions) {
        for (int i = 0; i < perRegion; i++) {
          String zone = count == 0 ? Instance.ANY : zoneNames.get(i % zoneNames.size());
          String name = arch + "." + region + "." + zone + "." + tier.getName() + pad(i, width);
          instances.add(new Instance(name, tier.getName(), pkg, region, zone, i, instances.size()));
        }
      }
      tier.getDependencies().stream()
          .filter(deployed::contains)
          .distinct()
          .forEach(dep -> edges.add(new Edge(tier.getName(), dep)));
    }
    return new Topology(arch, instances, edges);
  }

  private static String pad(int i, int width) {
    String s = String.valueOf(i);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static ArchitectureSpec withOptions(ArchitectureSpec spec, ExpansionOptions options) {
    if (options.scale() == null && options.regionCount() == null) {
      return spec;
    }
    ArchitectureSpec copy = new ArchitectureSpec();
    copy.setDescription(spec.getDescription());
    copy.setVersion(spec.getVersion());
    copy.setServices(spec.getServices());
    copy.setPlacement(spec.getPlacement());
    copy.setSegmentation(spec.getSegmentation());
    copy.setRegionNames(spec.getRegionNames());
    copy.setZoneNames(spec.getZoneNames());
    copy.setVictim(spec.getVictim());
    copy.setChaos(spec.getChaos());
    copy.setTraffic(spec.getTraffic());
    copy.setTracing(spec.getTracing());
    copy.setScale(options.scale() != null ? options.scale() : spec.getScale());
    copy.setRegionCount(
        options.regionCount() != null ? options.regionCount() : spec.getRegionCount());
    return copy;
  }
}
