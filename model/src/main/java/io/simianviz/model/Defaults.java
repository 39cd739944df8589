package io.simianviz.model;

import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.TrafficMix;
import io.simianviz.model.spec.TrafficSpec;
import io.simianviz.model.spec.chaos.ChaosGuards;
import java.util.List;

/** The values an absent optional field stands for; one place so every consumer agrees. */
public final class Defaults {
  public static final List<String> REGION_NAMES =
      List.of(
          "us-east-1",
          "us-west-2",
          "eu-west-1",
          "eu-central-1",
          "ap-southeast-1",
          "ap-southeast-2");
  public static final List<String> ZONE_NAMES = List.of("zoneA", "zoneB", "zoneC");
  public static final int REGION_COUNT = 1;
  public static final int SCALE_PERCENT = 100;

  /** spigo's denominator sent one request every 10 ms. */
  public static final double TRAFFIC_RATE = 100;

  public static final int GET_WEIGHT = 50;
  public static final int PUT_WEIGHT = 50;
  public static final int MIN_HEALTHY = 1;
  public static final double MAX_FRACTION = 0.5;

  /**
   * The most servers one request may pass, like IP's TTL: twice the longest real path (netflixoss's
   * is 8: elb, zuul, karyon, staash, a ring node, its forward and the replica copy, from the
   * traffic source), low enough that a dependency cycle fails fast. Over HTTP/1.1 each nested hop
   * holds a pooled connection, so a loop between two tiers holds 8 to each, a pod's pool size.
   */
  public static final int HOP_LIMIT = 16;

  /** A Deployment's defaults for a rolling update, in a Deployment's units. */
  public static final String ROLLOUT_MAX_SURGE = "25%";

  public static final String ROLLOUT_MAX_UNAVAILABLE = "0";

  /** Percentage of the tier's calls a canary gets. */
  public static final int CANARY_WEIGHT = 10;

  public static final double CANARY_MIN_SUCCESS_RATE = 0.99;
  public static final String CANARY_INTERVAL = "30s";

  /** Two failed intervals roll a canary back, so a bad push is caught within two intervals. */
  public static final int CANARY_FAILURE_LIMIT = 2;

  public static final int CANARY_ITERATIONS = 5;

  /** Shorter than an HPA's five minutes: a simulated step lasts tens of seconds. */
  public static final String AUTOSCALE_STABILIZATION = "60s";

  private Defaults() {}

  public static List<String> regionNames(ArchitectureSpec spec) {
    return orDefault(spec.getRegionNames(), REGION_NAMES);
  }

  public static List<String> zoneNames(ArchitectureSpec spec) {
    return orDefault(spec.getZoneNames(), ZONE_NAMES);
  }

  public static int regionCount(ArchitectureSpec spec) {
    return spec.getRegionCount() == null ? REGION_COUNT : spec.getRegionCount();
  }

  public static int scale(ArchitectureSpec spec) {
    return spec.getScale() == null ? SCALE_PERCENT : spec.getScale();
  }

  public static int count(TierSpec tier) {
    return tier.getCount() == null ? 0 : tier.getCount();
  }

  /** spigo files always say; an Architecture that leaves it out means "in every region". */
  public static int regions(TierSpec tier) {
    return tier.getRegions() == null ? 1 : tier.getRegions();
  }

  public static double trafficRate(ArchitectureSpec spec) {
    TrafficSpec t = spec.getTraffic();
    return t == null || t.getRate() == null ? TRAFFIC_RATE : t.getRate();
  }

  public static boolean trafficEnabled(ArchitectureSpec spec) {
    TrafficSpec t = spec.getTraffic();
    return t == null || t.getEnabled() == null || t.getEnabled();
  }

  /** Weights {get, put}. */
  public static int[] mix(ArchitectureSpec spec) {
    TrafficMix m = spec.getTraffic() == null ? null : spec.getTraffic().getMix();
    if (m == null) {
      return new int[] {GET_WEIGHT, PUT_WEIGHT};
    }
    return new int[] {
      m.getGet() == null ? GET_WEIGHT : m.getGet(), m.getPut() == null ? PUT_WEIGHT : m.getPut()
    };
  }

  public static int minHealthy(ArchitectureSpec spec) {
    ChaosGuards g = spec.getChaos() == null ? null : spec.getChaos().getGuards();
    return g == null || g.getMinHealthy() == null ? MIN_HEALTHY : g.getMinHealthy();
  }

  public static double maxFraction(ArchitectureSpec spec) {
    ChaosGuards g = spec.getChaos() == null ? null : spec.getChaos().getGuards();
    return g == null || g.getMaxFraction() == null ? MAX_FRACTION : g.getMaxFraction();
  }

  public static boolean segmentationEnabled(ArchitectureSpec spec) {
    return spec.getSegmentation() == null
        || spec.getSegmentation().getEnabled() == null
        || spec.getSegmentation().getEnabled();
  }

  /** The monkey's victim tier: chaos.monkey.victim, else spigo's top-level victim. */
  public static String monkeyVictim(ArchitectureSpec spec) {
    if (spec.getChaos() != null && spec.getChaos().getMonkey() != null) {
      var monkey = spec.getChaos().getMonkey();
      if (Boolean.FALSE.equals(monkey.getEnabled())) {
        return null;
      }
      if (monkey.getVictim() != null && !monkey.getVictim().isEmpty()) {
        return monkey.getVictim();
      }
    }
    return spec.getVictim() == null || spec.getVictim().isEmpty() ? null : spec.getVictim();
  }

  private static List<String> orDefault(List<String> names, List<String> fallback) {
    return names == null || names.isEmpty() ? fallback : names;
  }
}
