package io.simianviz.model.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.Defaults;
import io.simianviz.model.IntOrPercent;
import io.simianviz.model.TierPackage;
import io.simianviz.model.evolution.Action.AwaitReady;
import io.simianviz.model.evolution.Action.Drain;
import io.simianviz.model.evolution.Action.Reconfigure;
import io.simianviz.model.evolution.Action.Repoint;
import io.simianviz.model.evolution.Action.Roll;
import io.simianviz.model.evolution.Action.StartInstances;
import io.simianviz.model.evolution.Action.Stop;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.RolloutSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Orders the actions between two versions of one architecture, so that no call finds nothing to
 * answer it (docs/evolution.md):
 *
 * <ol>
 *   <li>grow: start every new instance (new tiers, new regions, scale-ups, replacements of a tier
 *       whose package changed), dependencies before callers, waiting until each layer is ready;
 *   <li>switch: re-point callers whose dependencies changed, and roll tiers whose version or
 *       settings changed, now that everything they will call is ready;
 *   <li>shrink: drain and then stop every instance that goes (removed tiers and regions,
 *       scale-downs, replaced instances), callers before their dependencies, so nothing is drained
 *       while something still calls it.
 * </ol>
 *
 * A layer is a tier's depth in the dependency graph: tiers that call nothing are layer 0.
 */
public final class TransitionPlanner {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tier fields that the plan handles itself, or that move no instance. */
  private static final Set<String> NOT_ROLLED =
      Set.of(
          "name",
          "package",
          "count",
          "regions",
          "dependencies",
          "version",
          "rollout",
          "canary",
          "autoscale");

  /** Tier fields whose change is applied without moving an instance. */
  private static final List<String> POLICIES = List.of("rollout", "canary", "autoscale");

  /** Top-level fields that the instance sets already account for. */
  private static final Set<String> EXPANDED =
      Set.of(
          "description", "version", "services", "regionCount", "regionNames", "zoneNames", "scale");

  private TransitionPlanner() {}

  /**
   * The plan from {@code from} to {@code to}, both expanded with {@code options}.
   *
   * @throws InvalidArchitectureException when either spec is invalid, or {@code to} removes a tier
   *     that it still calls
   */
  public static TransitionPlan plan(
      String arch, ArchitectureSpec from, ArchitectureSpec to, ExpansionOptions options) {
    List<Problem> stillCalled = removedButCalled(from, to);
    if (!stillCalled.isEmpty()) {
      throw new InvalidArchitectureException(stillCalled);
    }
    List<InstanceRef> running = InstanceRef.expand(arch, from, options);
    List<InstanceRef> target = InstanceRef.expand(arch, to, options);
    return new TransitionPlanner.Builder(from, to, running, target).build(arch);
  }

  /**
   * Dependencies of {@code to} on tiers that {@code from} has and {@code to} removes: refused with
   * a message that says so, rather than as an unknown tier.
   */
  public static List<Problem> removedButCalled(ArchitectureSpec from, ArchitectureSpec to) {
    Set<String> before = names(from);
    Set<String> after = names(to);
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < to.getServices().size(); i++) {
      TierSpec t = to.getServices().get(i);
      for (int j = 0; j < t.getDependencies().size(); j++) {
        String dep = t.getDependencies().get(j);
        if (dep != null && before.contains(dep) && !after.contains(dep)) {
          problems.add(
              new Problem(
                  "services[" + i + "].dependencies[" + j + "]",
                  "tier \""
                      + dep
                      + "\" is removed in this version but "
                      + t.getName()
                      + " still calls it; drop the dependency in the same version, or keep the"
                      + " tier"));
        }
      }
    }
    return problems;
  }

  private static Set<String> names(ArchitectureSpec spec) {
    return spec.getServices().stream()
        .map(TierSpec::getName)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  /** One plan's working state. */
  private static final class Builder {
    private final ArchitectureSpec from;
    private final ArchitectureSpec to;
    private final List<InstanceRef> running;
    private final List<InstanceRef> target;
    private final Map<String, TierSpec> fromTiers;
    private final Map<String, TierSpec> toTiers;
    private final Map<String, List<InstanceRef>> runningByTier;
    private final Map<String, List<InstanceRef>> targetByTier;
    private final Map<String, Integer> fromLayers;
    private final Map<String, Integer> toLayers;

    Builder(
        ArchitectureSpec from,
        ArchitectureSpec to,
        List<InstanceRef> running,
        List<InstanceRef> target) {
      this.from = from;
      this.to = to;
      this.running = running;
      this.target = target;
      this.fromTiers = deployed(from);
      this.toTiers = deployed(to);
      this.runningByTier = byTier(running);
      this.targetByTier = byTier(target);
      this.fromLayers = layers(fromTiers);
      this.toLayers = layers(toTiers);
    }

    TransitionPlan build(String arch) {
      List<Action> actions = new ArrayList<>();
      grow(actions);
      switchOver(actions);
      shrink(actions);
      List<String> settings = settingsChanged();
      if (!settings.isEmpty()) {
        actions.add(new Reconfigure(settings));
      }
      return new TransitionPlan(
          arch, from.getVersion(), to.getVersion(), running.size(), target.size(), actions);
    }

    private void grow(List<Action> actions) {
      TreeMap<Integer, List<StartInstances>> byLayer = new TreeMap<>();
      for (TierSpec t : toTiers.values()) {
        String name = t.getName();
        TierSpec f = fromTiers.get(name);
        List<InstanceRef> wanted = targetByTier.getOrDefault(name, List.of());
        List<StartInstances> starts = new ArrayList<>();
        if (f == null) {
          starts.add(start(t, wanted, "new tier"));
        } else if (replaced(f, t)) {
          starts.add(
              start(
                  t, wanted, "package " + t.getPackageName() + " replaces " + f.getPackageName()));
        } else {
          List<InstanceRef> have = runningByTier.getOrDefault(name, List.of());
          Set<String> haveNames = names(have);
          Set<String> haveRegions = regions(have);
          List<InstanceRef> added =
              wanted.stream().filter(i -> !haveNames.contains(i.name())).toList();
          List<InstanceRef> inNewRegions =
              added.stream().filter(i -> !haveRegions.contains(i.region())).toList();
          List<InstanceRef> scaledUp =
              added.stream().filter(i -> haveRegions.contains(i.region())).toList();
          if (!inNewRegions.isEmpty()) {
            Set<String> newRegions = regions(inNewRegions);
            starts.add(
                start(
                    t,
                    inNewRegions,
                    (newRegions.size() == 1 ? "region " : "regions ")
                        + String.join(", ", newRegions)
                        + " added"));
          }
          if (!scaledUp.isEmpty()) {
            starts.add(start(t, scaledUp, "scale up " + perRegion(have, wanted)));
          }
        }
        if (!starts.isEmpty()) {
          byLayer.computeIfAbsent(toLayers.get(name), k -> new ArrayList<>()).addAll(starts);
        }
      }
      for (List<StartInstances> layer : byLayer.values()) {
        actions.addAll(layer);
        actions.add(new AwaitReady(layer.stream().flatMap(s -> s.instances().stream()).toList()));
      }
    }

    private StartInstances start(TierSpec t, List<InstanceRef> instances, String why) {
      return new StartInstances(t.getName(), instances, distinct(t.getDependencies()), why);
    }

    private void switchOver(List<Action> actions) {
      List<TierSpec> kept =
          toTiers.values().stream()
              .filter(t -> fromTiers.containsKey(t.getName()))
              .filter(t -> !replaced(fromTiers.get(t.getName()), t))
              .sorted(Comparator.comparing(t -> toLayers.get(t.getName())))
              .toList();
      for (TierSpec t : kept) {
        TierSpec f = fromTiers.get(t.getName());
        List<String> before = distinct(f.getDependencies());
        List<String> after = distinct(t.getDependencies());
        if (!new HashSet<>(before).equals(new HashSet<>(after))) {
          actions.add(new Repoint(t.getName(), before, after));
        }
        List<String> changed = settingsChanged(f, t);
        if (!Objects.equals(f.getVersion(), t.getVersion()) || !changed.isEmpty()) {
          Set<String> wanted = names(targetByTier.getOrDefault(t.getName(), List.of()));
          List<InstanceRef> rolled =
              runningByTier.getOrDefault(t.getName(), List.of()).stream()
                  .filter(i -> wanted.contains(i.name()))
                  .toList();
          if (!rolled.isEmpty()) {
            actions.add(roll(f, t, rolled, changed));
          }
        }
      }
    }

    private static Roll roll(
        TierSpec f, TierSpec t, List<InstanceRef> rolled, List<String> changed) {
      RolloutSpec r = t.getRollout() == null ? new RolloutSpec() : t.getRollout();
      IntOrPercent surge =
          IntOrPercent.parse(
              r.getMaxSurge() == null ? Defaults.ROLLOUT_MAX_SURGE : r.getMaxSurge());
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
      return new Roll(
          t.getName(),
          rolled,
          f.getVersion(),
          t.getVersion(),
          changed,
          maxSurge,
          maxUnavailable,
          Optional.ofNullable(t.getCanary()).map(CanaryPolicy::of));
    }

    private void shrink(List<Action> actions) {
      TreeMap<Integer, List<Drain>> byLayer = new TreeMap<>(Comparator.reverseOrder());
      for (TierSpec f : fromTiers.values()) {
        String name = f.getName();
        TierSpec t = toTiers.get(name);
        List<InstanceRef> have = runningByTier.getOrDefault(name, List.of());
        List<Drain> drains = new ArrayList<>();
        if (t == null) {
          drains.add(new Drain(name, have, "tier removed"));
        } else if (replaced(f, t)) {
          drains.add(new Drain(name, have, "replaced by package " + t.getPackageName()));
        } else {
          List<InstanceRef> wanted = targetByTier.getOrDefault(name, List.of());
          Set<String> wantedNames = names(wanted);
          Set<String> wantedRegions = regions(wanted);
          List<InstanceRef> gone =
              have.stream().filter(i -> !wantedNames.contains(i.name())).toList();
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
        if (!drains.isEmpty()) {
          byLayer.computeIfAbsent(fromLayers.get(name), k -> new ArrayList<>()).addAll(drains);
        }
      }
      for (List<Drain> layer : byLayer.values()) {
        for (Drain d : layer) {
          actions.add(d);
          actions.add(new Stop(d.tier(), d.instances()));
        }
      }
    }

    private static boolean replaced(TierSpec f, TierSpec t) {
      return !Objects.equals(f.getPackageName(), t.getPackageName());
    }

    /** Tier settings other than the version whose change rolls the tier, in field order. */
    private static List<String> settingsChanged(TierSpec f, TierSpec t) {
      JsonNode before = JSON.valueToTree(f);
      JsonNode after = JSON.valueToTree(t);
      Set<String> fields = new LinkedHashSet<>();
      before.fieldNames().forEachRemaining(fields::add);
      after.fieldNames().forEachRemaining(fields::add);
      return fields.stream()
          .filter(n -> !NOT_ROLLED.contains(n))
          .filter(n -> !Objects.equals(before.get(n), after.get(n)))
          .sorted()
          .toList();
    }

    /** Top-level settings and tiers' policies that changed, as paths into the spec. */
    private List<String> settingsChanged() {
      JsonNode before = JSON.valueToTree(from);
      JsonNode after = JSON.valueToTree(to);
      Set<String> fields = new LinkedHashSet<>();
      before.fieldNames().forEachRemaining(fields::add);
      after.fieldNames().forEachRemaining(fields::add);
      List<String> changed = new ArrayList<>();
      for (String n : fields) {
        if (!EXPANDED.contains(n) && !Objects.equals(before.get(n), after.get(n))) {
          changed.add(n);
        }
      }
      for (TierSpec t : toTiers.values()) {
        TierSpec f = fromTiers.get(t.getName());
        if (f == null) {
          continue;
        }
        JsonNode b = JSON.valueToTree(f);
        JsonNode a = JSON.valueToTree(t);
        for (String p : POLICIES) {
          if (!Objects.equals(b.get(p), a.get(p))) {
            changed.add(t.getName() + "." + p);
          }
        }
      }
      return changed;
    }

    private static String perRegion(List<InstanceRef> have, List<InstanceRef> wanted) {
      return perRegionCount(have) + " -> " + perRegionCount(wanted) + " per region";
    }

    private static int perRegionCount(List<InstanceRef> instances) {
      Map<String, Integer> counts = new HashMap<>();
      instances.forEach(i -> counts.merge(i.region(), 1, Integer::sum));
      return counts.values().stream().max(Integer::compare).orElse(0);
    }
  }

  private static Map<String, TierSpec> deployed(ArchitectureSpec spec) {
    Map<String, TierSpec> tiers = new LinkedHashMap<>();
    for (TierSpec t : spec.getServices()) {
      if (TierPackage.fromSpigoName(t.getPackageName())
          .map(TierPackage::isDeployed)
          .orElse(false)) {
        tiers.put(t.getName(), t);
      }
    }
    return tiers;
  }

  private static Map<String, List<InstanceRef>> byTier(List<InstanceRef> instances) {
    return instances.stream()
        .collect(Collectors.groupingBy(InstanceRef::tier, LinkedHashMap::new, Collectors.toList()));
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

  /**
   * Each deployed tier's layer: 0 when it calls no other deployed tier, else one above the highest
   * layer it calls. Calls to itself and to eureka do not count; an edge that closes a cycle (a
   * store and a data access tier may call each other) is ignored.
   */
  static Map<String, Integer> layers(Map<String, TierSpec> tiers) {
    Map<String, Integer> layers = new HashMap<>();
    for (String name : tiers.keySet()) {
      layer(name, tiers, layers, new HashSet<>());
    }
    return layers;
  }

  private static int layer(
      String name, Map<String, TierSpec> tiers, Map<String, Integer> layers, Set<String> path) {
    Integer known = layers.get(name);
    if (known != null) {
      return known;
    }
    path.add(name);
    int layer = 0;
    for (String dep : tiers.get(name).getDependencies()) {
      if (dep.equals(name) || !tiers.containsKey(dep) || path.contains(dep)) {
        continue;
      }
      layer = Math.max(layer, layer(dep, tiers, layers, path) + 1);
    }
    path.remove(name);
    layers.put(name, layer);
    return layer;
  }
}
