package io.simianviz.service;

import io.simianviz.api.model.ServiceTime;
import io.simianviz.api.model.TierPackage;
import io.simianviz.api.topology.Instance;
import io.simianviz.api.v1alpha1.Fanout;
import io.simianviz.api.v1alpha1.Protocol;
import io.simianviz.api.v1alpha1.TierSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything one nanoservice instance needs to know about itself: identity, placement, the tiers it
 * calls (with their packages, which staash and the token ring need to tell caches from storage) and
 * its latency/error model.
 *
 * @param dependencies callable dependency tiers mapped to their package, in declaration order; the
 *     {@code eureka} pseudo-dependency is not in it, it sets {@code crossRegion} instead
 * @param port the port to listen on; 0 picks a free one (tests)
 */
public record InstanceConfig(
    String arch,
    String name,
    String tier,
    TierPackage pkg,
    String region,
    String zone,
    Map<String, TierPackage> dependencies,
    boolean crossRegion,
    Protocol protocol,
    ServiceTime serviceTime,
    double errorRate,
    int responseBytes,
    double hitRate,
    Fanout fanout,
    String host,
    int port) {

  public InstanceConfig {
    dependencies =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dependencies));
  }

  /**
   * Builds the configuration of one expanded instance from its tier's spec, filling absent fields
   * with the package defaults.
   *
   * @param tierPackages package of every tier of the architecture, by tier name
   */
  public static InstanceConfig of(
      String arch,
      Instance instance,
      TierSpec tier,
      Map<String, TierPackage> tierPackages,
      String host,
      int port) {
    Map<String, TierPackage> deps = new java.util.LinkedHashMap<>();
    boolean crossRegion = false;
    for (String dep : tier.getDependencies()) {
      TierPackage depPkg = tierPackages.get(dep);
      if (TierPackage.EUREKA_DEPENDENCY.equals(dep) || depPkg == TierPackage.EUREKA) {
        crossRegion = true;
      } else if (depPkg == null) {
        throw new IllegalArgumentException(
            "tier " + tier.getName() + " depends on unknown tier " + dep);
      } else {
        deps.put(dep, depPkg);
      }
    }
    TierPackage pkg = instance.pkg();
    return new InstanceConfig(
        arch,
        instance.name(),
        instance.tier(),
        pkg,
        instance.region(),
        instance.zone(),
        deps,
        crossRegion,
        tier.getProtocol() == null ? Protocol.HTTP : tier.getProtocol(),
        tier.getServiceTime() == null
            ? PackageDefaults.serviceTime(pkg)
            : ServiceTime.parse(tier.getServiceTime()),
        tier.getErrorRate() == null ? 0.0 : tier.getErrorRate(),
        tier.getResponseBytes() == null ? PackageDefaults.RESPONSE_BYTES : tier.getResponseBytes(),
        tier.getHitRate() == null ? PackageDefaults.hitRate(pkg) : tier.getHitRate(),
        tier.getFanout() == null ? Fanout.ONE : tier.getFanout(),
        host,
        port);
  }

  /** The same instance listening elsewhere (the runtime assigns addresses). */
  public InstanceConfig withAddress(String newHost, int newPort) {
    return new InstanceConfig(
        arch,
        name,
        tier,
        pkg,
        region,
        zone,
        dependencies,
        crossRegion,
        protocol,
        serviceTime,
        errorRate,
        responseBytes,
        hitRate,
        fanout,
        newHost,
        newPort);
  }

  /** Dependency tier names in declaration order. */
  public List<String> dependencyTiers() {
    return List.copyOf(dependencies.keySet());
  }

  /** Whether this tier lists itself: peer replication for stores. */
  public boolean selfDependent() {
    return dependencies.containsKey(tier);
  }
}
