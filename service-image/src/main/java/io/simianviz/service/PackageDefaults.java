package io.simianviz.service;

import io.simianviz.model.ServiceTime;
import io.simianviz.model.TierPackage;

/**
 * What a tier that leaves its latency/error model out behaves like. Routers and proxies add little
 * of their own; the tiers that stand for real work (application servers, databases) take about a
 * millisecond with a tail; in-memory caches answer at once.
 */
public final class PackageDefaults {
  public static final int RESPONSE_BYTES = 64;

  /** A cache that always hit would hide the fall-through path that spigo got wrong. */
  public static final double CACHE_HIT_RATE = 0.9;

  private static final ServiceTime NONE = new ServiceTime.Constant(0);

  private PackageDefaults() {}

  public static ServiceTime serviceTime(TierPackage pkg) {
    return switch (pkg) {
      case DENOMINATOR, ELB, ZUUL, STAASH, CACHE, EUREKA -> NONE;
      case KARYON, PIRATE -> ServiceTime.parse("lognormal(500us,2ms)");
      case MONOLITH -> ServiceTime.parse("lognormal(1ms,10ms)");
      case STORE, VOLUME, PRIAM_CASSANDRA, RIAK -> ServiceTime.parse("lognormal(1ms,5ms)");
    };
  }

  public static double hitRate(TierPackage pkg) {
    return pkg == TierPackage.CACHE ? CACHE_HIT_RATE : 1.0;
  }
}
