package io.simianviz.service;

import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance configurations of an expanded architecture for the local runtime: each deployed
 * instance on its own loopback address ({@link LoopbackAddresses}) and the given port. eureka tiers
 * are not deployed (their dependants become connected across regions).
 */
public final class TopologyConfigs {
  private TopologyConfigs() {}

  public static List<InstanceConfig> forLocalRuntime(
      ArchitectureSpec spec, Topology topology, int port) {
    Map<String, TierSpec> tiers = new HashMap<>();
    for (TierSpec tier : spec.getServices()) {
      tiers.put(tier.getName(), tier);
    }
    List<InstanceConfig> configs = new ArrayList<>();
    for (Instance instance : topology.instances()) {
      if (!instance.pkg().isDeployed()) {
        continue;
      }
      configs.add(
          InstanceConfig.of(
              topology.arch(),
              instance,
              tiers,
              LoopbackAddresses.forOrdinal(instance.ordinal()),
              port));
    }
    return configs;
  }
}
