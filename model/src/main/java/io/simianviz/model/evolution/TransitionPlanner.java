package io.simianviz.model.evolution;

import io.simianviz.model.TierPackage;
import io.simianviz.model.evolution.Action.AwaitReady;
import io.simianviz.model.evolution.Action.Drain;
import io.simianviz.model.evolution.Action.Reconfigure;
import io.simianviz.model.evolution.Action.StartInstances;
import io.simianviz.model.evolution.Action.Stop;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
      this.fromLayers = TierLayers.of(fromTiers);
      this.toLayers = TierLayers.of(toTiers);
    }

    TransitionPlan build(String arch) {
      List<Action> actions = new ArrayList<>();
      grow(actions);
      switchOver(actions);
      shrink(actions);
      List<String> settings = SettingsChanges.reconfigured(from, to, fromTiers, toTiers);
      if (!settings.isEmpty()) {
        actions.add(new Reconfigure(settings));
      }
      return new TransitionPlan(
          arch, from.getVersion(), to.getVersion(), running.size(), target.size(), actions);
    }

    private TierChange change(String tier) {
      return new TierChange(
          fromTiers.get(tier),
          toTiers.get(tier),
          runningByTier.getOrDefault(tier, List.of()),
          targetByTier.getOrDefault(tier, List.of()));
    }

    /** Starts layer by layer from the bottom, each layer awaited before the next. */
    private void grow(List<Action> actions) {
      TreeMap<Integer, List<StartInstances>> byLayer = new TreeMap<>();
      for (TierSpec t : toTiers.values()) {
        List<StartInstances> starts = change(t.getName()).starts();
        if (!starts.isEmpty()) {
          byLayer.computeIfAbsent(toLayers.get(t.getName()), k -> new ArrayList<>()).addAll(starts);
        }
      }
      for (List<StartInstances> layer : byLayer.values()) {
        actions.addAll(layer);
        actions.add(new AwaitReady(layer.stream().flatMap(s -> s.instances().stream()).toList()));
      }
    }

    /** Re-points and rolls the kept tiers from the bottom layer up. */
    private void switchOver(List<Action> actions) {
      List<TierChange> kept =
          toTiers.values().stream()
              .sorted(Comparator.comparing(t -> toLayers.get(t.getName())))
              .map(t -> change(t.getName()))
              .filter(TierChange::kept)
              .toList();
      for (TierChange c : kept) {
        c.repoint().ifPresent(actions::add);
        c.roll().ifPresent(actions::add);
      }
    }

    /** Drains and stops layer by layer from the top, so nothing still calls what goes. */
    private void shrink(List<Action> actions) {
      TreeMap<Integer, List<Drain>> byLayer = new TreeMap<>(Comparator.reverseOrder());
      for (TierSpec f : fromTiers.values()) {
        List<Drain> drains = change(f.getName()).drains();
        if (!drains.isEmpty()) {
          byLayer
              .computeIfAbsent(fromLayers.get(f.getName()), k -> new ArrayList<>())
              .addAll(drains);
        }
      }
      for (List<Drain> layer : byLayer.values()) {
        for (Drain d : layer) {
          actions.add(d);
          actions.add(new Stop(d.tier(), d.instances()));
        }
      }
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
}
