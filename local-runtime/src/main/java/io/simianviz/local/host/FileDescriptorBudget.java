package io.simianviz.local.host;

import com.sun.management.UnixOperatingSystemMXBean;
import io.simianviz.service.call.CallPolicy;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Every instance holds a listening socket, and both ends of each connection between instances live
 * in this process; refusing a run up front beats a crash half-way through.
 */
public final class FileDescriptorBudget {
  /** A listener plus a few pooled connections' two ends, per instance, on average. */
  static final int PER_INSTANCE = 3;

  /** Files the JVM, the outputs and the traffic sources hold besides the instances. */
  static final int RESERVED = 300;

  /** The most HTTP/1.1 connections to one instance, however many files the limit allows. */
  static final int MAX_CONNECTIONS_PER_DESTINATION = 64;

  /**
   * Fewer connections than this to an instance queue calls at ordinary loads (measured at scale
   * 1000: with 8 per instance, 45% of requests failed at rate 2000 with the event loops 40% idle).
   */
  public static final int FEW_CONNECTIONS = 8;

  private FileDescriptorBudget() {}

  static OptionalLong limit() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      return OptionalLong.of(unix.getMaxFileDescriptorCount());
    }
    return OptionalLong.empty();
  }

  static OptionalLong openFiles() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      return OptionalLong.of(unix.getOpenFileDescriptorCount());
    }
    return OptionalLong.empty();
  }

  /** Why {@code instances} cannot run here, or null when they can. */
  public static String problem(int instances) {
    OptionalLong limit = limit();
    long needed = (long) instances * PER_INSTANCE + RESERVED;
    if (limit.isPresent() && needed > limit.getAsLong()) {
      return instances
          + " instances need about "
          + needed
          + " open files but this process may open "
          + limit.getAsLong()
          + "; raise the limit (ulimit -n) or lower --scale";
    }
    return null;
  }

  /**
   * Whether every instance can listen once per event loop, so that each hop stays on its caller's
   * loop ({@link io.simianviz.service.discovery.LoopAffinity}): when the listeners of {@code
   * instances} fit in half the open-file limit, leaving the other half to connections. Otherwise
   * each instance listens once, as at --scale 10000 under a limit of 20,000.
   */
  public static boolean listenPerLoop(int instances, int loops) {
    return listenPerLoop(instances, loops, limit());
  }

  static boolean listenPerLoop(int instances, int loops, OptionalLong limit) {
    long needed = (long) instances * (PER_INSTANCE + loops - 1) + RESERVED;
    return loops > 1 && limit.isPresent() && needed <= limit.getAsLong() / 2;
  }

  /**
   * Connections open only under load and gather on the busiest instances, so a destination may take
   * this many times its share of the spare files (measured at scale 1000 with 64 per destination,
   * at the rate where the run saturates: about 4,300 files open in all).
   */
  static final int OVERCOMMIT = 4;

  /**
   * How many HTTP/1.1 connections to each instance of each tier this process can afford. In a
   * cluster every caller pod keeps its own pool to each dependency instance; here one pool per
   * destination serves every caller in the process, so it carries what the pools of many pods
   * would, or requests queue for a connection while the CPU idles ({@link #FEW_CONNECTIONS}). Both
   * ends of each connection are in this process, and each instance keeps its listener and room for
   * one multiplexed HTTP/2 or gRPC connection. The spare files are shared out per tier, then among
   * the tier's instances: a tier of one instance (a load balancer every request goes through)
   * carries as much as a tier of hundreds, and an even share per instance left it one connection at
   * --scale 10000.
   */
  public static Map<String, Integer> connectionsPerInstance(Map<String, Integer> instancesPerTier) {
    return connectionsPerInstance(instancesPerTier, limit());
  }

  public static Map<String, Integer> connectionsPerInstance(
      Map<String, Integer> instancesPerTier, OptionalLong limit) {
    Map<String, Integer> pools = new HashMap<>();
    long instances = instancesPerTier.values().stream().mapToLong(Integer::longValue).sum();
    long spare = limit.orElse(0) - RESERVED - PER_INSTANCE * Math.max(1, instances);
    long perTier = spare / Math.max(1, instancesPerTier.size());
    instancesPerTier.forEach(
        (tier, count) -> {
          long affordable = OVERCOMMIT * perTier / (2L * Math.max(1, count));
          pools.put(
              tier,
              limit.isEmpty()
                  ? CallPolicy.defaults().maxConnectionsPerInstance()
                  : (int) Math.max(1, Math.min(MAX_CONNECTIONS_PER_DESTINATION, affordable)));
        });
    return pools;
  }
}
