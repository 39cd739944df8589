package io.simianviz.model.evolution;

import io.simianviz.model.Defaults;
import io.simianviz.model.IntOrPercent;
import io.simianviz.model.evolution.Action.Drain;
import io.simianviz.model.evolution.Action.Repoint;
import io.simianviz.model.evolution.Action.Roll;
import io.simianviz.model.evolution.Action.StartInstances;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.RolloutSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happens to one tier's instances between two versions: which start, which are re-pointed or
 * rolled, which are drained, and why. {@link TransitionPlanner} puts the tiers' actions in order.
 *
 * @param from the tier in the running version, or null when it is new
 * @param to the tier in the next version, or null when it is removed
 * @param have its running instances
 * @param wanted its instances in the next version
 */
record TierChange(TierSpec from, TierSpec to, List<InstanceRef> have, List<InstanceRef> wanted) {

  /** A tier whose package changes is replaced: new instances start, the old ones go. */
  boolean replaced() {
    return !Objects.equals(from.getPackageName(), to.getPackageName());
  }

  /** In both versions with the same package: its instances stay and may be re-pointed or rolled. */
  boolean kept() {
    return from != null && to != null && !replaced();
  }

  /** The instances to start: a new tier, a replaced one, new regions, a scale-up. */
  List<StartInstances> starts() {
    List<StartInstances> starts = new ArrayList<>();
    if (from == null) {
      starts.add(start(wanted, "new tier"));
    } else if (replaced()) {
      starts.add(
          start(wanted, "package " + to.getPackageName() + " replaces " + from.getPackageName()));
    } else {
      Set<String> haveNames = names(have);
      Set<String> haveRegions = regions(have);
      List<InstanceRef> added = wanted.stream().filter(i -> !haveNames.contains(i.name())).toList();
      List<InstanceRef> inNewRegions =
          added.stream().filter(i -> !haveRegions.contains(i.region())).toList();
      List<InstanceRef> scaledUp =
          added.stream().filter(i -> haveRegions.contains(i.region())).toList();
      if (!inNewRegions.isEmpty()) {
        Set<String> newRegions = regions(inNewRegions);
        starts.add(
            start(
                inNewRegions,
                (newRegions.size() == 1 ? "region " : "regions ")
                    + String.join(", ", newRegions)
                    + " added"));
      }
      if (!scaledUp.isEmpty()) {
        starts.add(start(scaledUp, "scale up " + perRegion(have, wanted)));
      }
    }
    return starts;
  }

  private StartInstances start(List<InstanceRef> instances, String why) {
    return new StartInstances(to.getName(), instances, distinct(to.getDependencies()), why);
  }

  /** A kept tier's callers re-pointed, when its set of dependencies changed. */
  Optional<Repoint> repoint() {
    List<String> before = distinct(from.getDependencies());
    List<String> after = distinct(to.getDependencies());
    if (new HashSet<>(before).equals(new HashSet<>(after))) {
      return Optional.empty();
    }
    return Optional.of(new Repoint(to.getName(), before, after));
  }

  /** A kept tier's staying instances rolled, when its version or a rolled setting changed. */
  Optional<Roll> roll() {
    List<String> changed = SettingsChanges.rolled(from, to);
    if (Objects.equals(from.getVersion(), to.getVersion()) && changed.isEmpty()) {
      return Optional.empty();
    }
    Set<String> wantedNames = names(wanted);
    List<InstanceRef> rolled = have.stream().filter(i -> wantedNames.contains(i.name())).toList();
    if (rolled.isEmpty()) {
      return Optional.empty();
    }
    RolloutSpec r = to.getRollout() == null ? new RolloutSpec() : to.getRollout();
    IntOrPercent surge =
        IntOrPercent.parse(r.getMaxSurge() == null ? Defaults.ROLLOUT_MAX_SURGE : r.getMaxSurge());
    IntOrPercent unavailable =
        IntOrPercent.parse(
            r.getMaxUnavailable() == null
                ? Defaults.ROLLOUT_MAX_UNAVAILABLE
                : r.getMaxUnavailable());
    int n = rolled.size();
    int maxSurge = surge.of(n, true);
    int maxUnavailable = unavailable.of(n, false);
    if (maxSurge == 0 && maxUnavailable == 0) {
      maxUnavailable = 1; // as a Deployment does when both round to 0
    }
    return Optional.of(
        new Roll(
            to.getName(),
            rolled,
            from.getVersion(),
            to.getVersion(),
            changed,
            maxSurge,
            maxUnavailable,
            Optional.ofNullable(to.getCanary()).map(CanaryPolicy::of)));
  }

  /**
   * The instances to drain and stop: a removed tier, a replaced one, a scale-down, gone regions.
   */
  List<Drain> drains() {
    String name = from.getName();
    List<Drain> drains = new ArrayList<>();
    if (to == null) {
      drains.add(new Drain(name, have, "tier removed"));
    } else if (replaced()) {
      drains.add(new Drain(name, have, "replaced by package " + to.getPackageName()));
    } else {
      Set<String> wantedNames = names(wanted);
      Set<String> wantedRegions = regions(wanted);
      List<InstanceRef> gone = have.stream().filter(i -> !wantedNames.contains(i.name())).toList();
      List<InstanceRef> inGoneRegions =
          gone.stream().filter(i -> !wantedRegions.contains(i.region())).toList();
      List<InstanceRef> scaledDown =
          gone.stream().filter(i -> wantedRegions.contains(i.region())).toList();
      if (!scaledDown.isEmpty()) {
        drains.add(new Drain(name, scaledDown, "scale down " + perRegion(have, wanted)));
      }
      if (!inGoneRegions.isEmpty()) {
        Set<String> goneRegions = regions(inGoneRegions);
        drains.add(
            new Drain(
                name,
                inGoneRegions,
                (goneRegions.size() == 1 ? "region " : "regions ")
                    + String.join(", ", goneRegions)
                    + " removed"));
      }
    }
    drains.removeIf(d -> d.instances().isEmpty());
    return drains;
  }

  private static String perRegion(List<InstanceRef> have, List<InstanceRef> wanted) {
    return perRegionCount(have) + " -> " + perRegionCount(wanted) + " per region";
  }

  private static int perRegionCount(List<InstanceRef> instances) {
    Map<String, Integer> counts = new HashMap<>();
    instances.forEach(i -> counts.merge(i.region(), 1, Integer::sum));
    return counts.values().stream().max(Integer::compare).orElse(0);
  }

  private static Set<String> names(List<InstanceRef> instances) {
    return instances.stream().map(InstanceRef::name).collect(Collectors.toSet());
  }

  private static Set<String> regions(List<InstanceRef> instances) {
    return instances.stream()
        .map(InstanceRef::region)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static List<String> distinct(List<String> dependencies) {
    return List.copyOf(new LinkedHashSet<>(dependencies));
  }
}
