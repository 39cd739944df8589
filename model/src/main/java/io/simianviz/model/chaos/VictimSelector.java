package io.simianviz.model.chaos;

import io.simianviz.model.topology.Instance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

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
    List<Instance> victims = up.stream().filter(inArea).toList();
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
