package io.simianviz.local.host;

import io.simianviz.model.topology.Topology;
import io.simianviz.service.call.CallPolicy;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP/1.1 pool to each instance of a tier, sized from the open-file limit ({@link
 * FileDescriptorBudget}) for the run's tiers; a tier the pools were not sized for (one a watched
 * version brings) gets a pod's pool.
 */
public final class ConnectionPools {
  private static final int POD_POOL = CallPolicy.defaults().maxConnectionsPerInstance();

  private volatile Map<String, Integer> perInstance;

  /** Instances of the largest version planned for. */
  private volatile int instances;

  /** Pools for the tiers of {@code topology}, at their size there. */
  public ConnectionPools(Topology topology) {
    Map<String, Integer> instancesPerTier = new HashMap<>();
    topology.instances().forEach(i -> instancesPerTier.merge(i.tier(), 1, Integer::sum));
    plan(instancesPerTier);
  }

  /**
   * Sizes the pools for every version the run will go through (an evolution): each tier at its
   * largest. Before the instances start.
   */
  public void plan(Map<String, Integer> instancesPerTier) {
    this.perInstance = FileDescriptorBudget.connectionsPerInstance(instancesPerTier);
    this.instances = instancesPerTier.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Whether the planned instances can each listen once per event loop. */
  public boolean listenPerLoop(int loops) {
    return FileDescriptorBudget.listenPerLoop(instances, loops);
  }

  /** Connections to each instance of {@code tier}, for all its callers in this process. */
  public int perInstance(String tier) {
    return perInstance.getOrDefault(tier, POD_POOL);
  }

  /** The smallest pool to an instance, over all tiers. */
  public int smallest() {
    return perInstance.values().stream().mapToInt(Integer::intValue).min().orElse(1);
  }
}
