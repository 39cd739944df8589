package io.simianviz.service;

import io.simianviz.model.ServiceTime;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.Fanout;
import io.simianviz.model.spec.Protocol;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.Instance;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one nanoservice instance needs to know about itself: identity, placement, the tiers it
 * calls (with their packages, which staash and the token ring need to tell caches from storage) and
 * its latency/error model.
 *
 * @param dependencies callable dependency tiers mapped to their package, in declaration order; the
 *     {@code eureka} pseudo-dependency is not in it, it sets {@code crossRegion} instead
 * @param protocol what this instance's tier serves (its peers too)
 * @param dependencyProtocols what each dependency tier serves, which is how this instance calls it;
 *     a dependency left out is called over http
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
    Map<String, Protocol> dependencyProtocols,
    ServiceTime serviceTime,
    double errorRate,
    int responseBytes,
    double hitRate,
    Fanout fanout,
    String host,
    int port) {

  public InstanceConfig {
    dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    dependencyProtocols = Map.copyOf(dependencyProtocols);
    for (String tierName : dependencyProtocols.keySet()) {
      if (!dependencies.containsKey(tierName)) {
        throw new IllegalArgumentException(
            "protocol given for " + tierName + ", which is not a dependency of " + tier);
      }
    }
  }

  /**
   * Builds the configuration of one expanded instance from its tier's spec, filling absent fields
   * with the package defaults. Each dependency's package and protocol come from its own spec.
   *
   * @param tiers every tier of the architecture, by name
   */
  public static InstanceConfig of(
      String arch, Instance instance, Map<String, TierSpec> tiers, String host, int port) {
    TierSpec tier = tiers.get(instance.tier());
    if (tier == null) {
      throw new IllegalArgumentException("instance " + instance.name() + " has no tier spec");
    }
    Map<String, TierPackage> deps = new LinkedHashMap<>();
    Map<String, Protocol> depProtocols = new HashMap<>();
    boolean crossRegion = false;
    for (String dep : tier.getDependencies()) {
      TierSpec depSpec = tiers.get(dep);
      TierPackage depPkg =
          depSpec == null ? null : TierPackage.fromSpigoName(depSpec.getPackageName()).orElse(null);
      if (TierPackage.EUREKA_DEPENDENCY.equals(dep) || depPkg == TierPackage.EUREKA) {
        crossRegion = true;
      } else if (depPkg == null) {
        throw new IllegalArgumentException(
            "tier " + tier.getName() + " depends on unknown tier " + dep);
      } else {
        deps.put(dep, depPkg);
        depProtocols.put(dep, Protocol.of(depSpec));
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
        Protocol.of(tier),
        depProtocols,
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
        dependencyProtocols,
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

  /** How to call a tier: its peers serve what this instance serves, others as configured. */
  public Protocol protocolOf(String tierName) {
    return tier.equals(tierName)
        ? protocol
        : dependencyProtocols.getOrDefault(tierName, Protocol.HTTP);
  }

  /** Whether this tier lists itself: peer replication for stores. */
  public boolean selfDependent() {
    return dependencies.containsKey(tier);
  }
}
