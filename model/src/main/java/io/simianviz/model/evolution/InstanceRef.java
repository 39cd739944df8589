package io.simianviz.model.evolution;

import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.TopologyExpander;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance as a transition plan sees it: which copy of which tier, running which package and
 * version. Two versions of an architecture name an unchanged instance alike, whatever its position
 * in either expansion; a tier whose package changes gets new instances of the same names.
 *
 * @param version the tier's version, or null when the tier has none
 */
public record InstanceRef(
    String name,
    String tier,
    TierPackage pkg,
    String region,
    String zone,
    int index,
    String version) {

  public static InstanceRef of(Instance instance, String version) {
    return new InstanceRef(
        instance.name(),
        instance.tier(),
        instance.pkg(),
        instance.region(),
        instance.zone(),
        instance.index(),
        version);
  }

  /**
   * The instances of a spec, in expansion order.
   *
   * @throws io.simianviz.model.validation.InvalidArchitectureException when the spec is invalid
   */
  public static List<InstanceRef> expand(
      String arch, ArchitectureSpec spec, ExpansionOptions options) {
    Map<String, String> versions = new HashMap<>();
    for (TierSpec t : spec.getServices()) {
      if (t.getVersion() != null) {
        versions.put(t.getName(), t.getVersion());
      }
    }
    return TopologyExpander.expand(arch, spec, options).instances().stream()
        .map(i -> of(i, versions.get(i.tier())))
        .toList();
  }

  /** The same instance at another version. */
  public InstanceRef withVersion(String newVersion) {
    return new InstanceRef(name, tier, pkg, region, zone, index, newVersion);
  }

  /** The tier and index part of the name, e.g. {@code php03}. */
  public String shortName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  public boolean isGlobal() {
    return Instance.ANY.equals(region);
  }
}
