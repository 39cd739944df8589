package io.simianviz.model.chaos;

import io.simianviz.model.TierPackage;
import io.simianviz.model.topology.Instance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Chooses chaos victims among the instances that are up, under the guards. Pure and deterministic
 * for a given random generator, so the operator and the local runtime behave alike and a seeded
 * local run repeats itself.
 */
public final class VictimSelector {
  private final ChaosGuard guard;

  public VictimSelector(ChaosGuard guard) {
    this.guard = guard;
  }

  /**
   * The victims of an experiment's {@code kind} on {@code target}, checked against the architecture
   * first: a tier, zone or region it lacks, a traffic source (the users, outside the architecture),
   * or a kong on a one-region architecture is refused with the reason.
   *
   * @param all every instance of the architecture; anything else in {@code up} is never hit
   * @param region for a gorilla, the zone's region; null when the zone is in one region only
   */
  public ChaosDecision experiment(
      ChaosKind kind,
      String target,
      String region,
      Collection<Instance> all,
      Collection<Instance> up,
      RandomGenerator random) {
    Set<String> owned = all.stream().map(Instance::name).collect(Collectors.toSet());
    List<Instance> ownedUp = up.stream().filter(i -> owned.contains(i.name())).toList();
    List<Instance> areas =
        all.stream().filter(i -> !(i.pkg().role() == TierPackage.Role.TRAFFIC_SOURCE)).toList();
    return switch (kind) {
      case MONKEY -> {
        boolean known = all.stream().anyMatch(i -> i.tier().equals(target));
        boolean source =
            all.stream()
                .anyMatch(
                    i ->
                        i.tier().equals(target)
                            && (i.pkg().role() == TierPackage.Role.TRAFFIC_SOURCE));
        if (!known || source) {
          yield new ChaosDecision.Refused(
              kind,
              target,
              known
                  ? "tier " + target + " is a traffic source (the users): chaos never strikes it"
                  : "no tier " + target + " in the architecture");
        }
        yield monkey(target, ownedUp, all.size(), random);
      }
      case GORILLA -> gorilla(target, region, areas, ownedUp, all.size());
      case KONG -> {
        Set<String> regions = names(areas, Instance::region);
        if (!regions.contains(target)) {
          yield new ChaosDecision.Refused(
              kind,
              target,
              "no region "
                  + target
                  + " in the architecture (regions: "
                  + String.join(", ", regions)
                  + ")");
        }
        if (regions.size() == 1) {
          yield new ChaosDecision.Refused(
              kind, target, "the architecture has one region: a kong would take all of it down");
        }
        yield kong(target, ownedUp, all.size());
      }
    };
  }

  private ChaosDecision gorilla(
      String zone, String region, List<Instance> areas, List<Instance> up, int total) {
    Set<String> zones = names(areas, Instance::zone);
    if (!zones.contains(zone)) {
      return new ChaosDecision.Refused(
          ChaosKind.GORILLA,
          zone,
          "no zone " + zone + " in the architecture (zones: " + String.join(", ", zones) + ")");
    }
    Set<String> regions =
        names(areas.stream().filter(i -> i.zone().equals(zone)).toList(), Instance::region);
    if (region == null && regions.size() > 1) {
      return new ChaosDecision.Refused(
          ChaosKind.GORILLA,
          zone,
          "zone "
              + zone
              + " is in "
              + regions.size()
              + " regions ("
              + String.join(", ", regions)
              + "): set spec.region");
    }
    if (region != null && !regions.contains(region)) {
      return new ChaosDecision.Refused(
          ChaosKind.GORILLA,
          region + "/" + zone,
          "no zone "
              + zone
              + " in region "
              + region
              + " (it is in "
              + String.join(", ", regions)
              + ")");
    }
    return gorilla(region == null ? regions.iterator().next() : region, zone, up, total);
  }

  private static Set<String> names(
      Collection<Instance> instances, java.util.function.Function<Instance, String> name) {
    return instances.stream()
        .map(name)
        .filter(n -> !Instance.ANY.equals(n))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Chaos monkey: one random up instance of {@code tier}.
   *
   * @param up every instance of the architecture that is up now
   * @param total every instance the architecture should have (the base of maxFraction)
   */
  public ChaosDecision monkey(
      String tier, Collection<Instance> up, int total, RandomGenerator random) {
    List<Instance> candidates = up.stream().filter(i -> i.tier().equals(tier)).toList();
    if (candidates.isEmpty()) {
      return new ChaosDecision.Refused(
          ChaosKind.MONKEY, tier, "no instance of tier " + tier + " is up");
    }
    Instance victim = candidates.get(random.nextInt(candidates.size()));
    return check(ChaosKind.MONKEY, tier, List.of(victim), up, total);
  }

  /** Chaos gorilla: every up instance in one zone of one region. */
  public ChaosDecision gorilla(String region, String zone, Collection<Instance> up, int total) {
    return area(
        ChaosKind.GORILLA,
        region + "/" + zone,
        i -> i.region().equals(region) && i.zone().equals(zone),
        up,
        total);
  }

  /** Chaos kong: every up instance in one region. */
  public ChaosDecision kong(String region, Collection<Instance> up, int total) {
    return area(ChaosKind.KONG, region, i -> i.region().equals(region), up, total);
  }

  private ChaosDecision area(
      ChaosKind kind,
      String target,
      Predicate<Instance> inArea,
      Collection<Instance> up,
      int total) {
    // Traffic sources are the users, outside the architecture: an outage never takes them.
    List<Instance> victims =
        up.stream()
            .filter(inArea)
            .filter(i -> !(i.pkg().role() == TierPackage.Role.TRAFFIC_SOURCE))
            .toList();
    if (victims.isEmpty()) {
      return new ChaosDecision.Refused(kind, target, "no instance is up in " + target);
    }
    return check(kind, target, victims, up, total);
  }

  private ChaosDecision check(
      ChaosKind kind, String target, List<Instance> victims, Collection<Instance> up, int total) {
    int downAfter = total - up.size() + victims.size();
    if (downAfter > guard.maxFraction() * total) {
      return new ChaosDecision.Refused(
          kind,
          target,
          String.format(
              "guard maxFraction %.2f: %d of %d instances would be down",
              guard.maxFraction(), downAfter, total));
    }
    Map<String, Integer> upPerTier = new HashMap<>();
    up.forEach(i -> upPerTier.merge(i.tier(), 1, Integer::sum));
    Map<String, Integer> hitPerTier = new HashMap<>();
    victims.forEach(i -> hitPerTier.merge(i.tier(), 1, Integer::sum));
    List<String> starved = new ArrayList<>();
    hitPerTier.forEach(
        (tier, hit) -> {
          if (upPerTier.get(tier) - hit < guard.minHealthy()) {
            starved.add(tier);
          }
        });
    if (!starved.isEmpty()) {
      return new ChaosDecision.Refused(
          kind,
          target,
          "guard minHealthy "
              + guard.minHealthy()
              + ": tier "
              + String.join(", ", starved.stream().sorted().toList())
              + " would have fewer ready instances");
    }
    return new ChaosDecision.Strike(kind, target, victims);
  }
}
