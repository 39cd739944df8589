package io.simianviz.model.evolution;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a plan to a set of instances, as a runtime would, and records every action that would
 * have lost a call: an instance started or a caller re-pointed before what it calls is ready, an
 * instance drained while a caller has no other ready instance of its tier to turn to, an instance
 * stopped without a drain. Pure: the runtimes' tests and the planner's share it.
 *
 * <p>An instance {@code c} reaches {@code d} when either is global, both are in one region, or they
 * are peers of a tier that depends on eureka (connected across regions).
 */
public final class PlanSimulator {
  /** Where an instance is in its life. */
  public enum State {
    STARTING,
    READY,
    DRAINING
  }

  /**
   * What is left after the plan: the instances (all ready when nothing was violated), what each
   * tier calls, and every violation in plan order.
   */
  public record Outcome(
      Set<InstanceRef> instances, Map<String, Set<String>> dependencies, List<String> violations) {
    public Outcome {
      instances = Set.copyOf(instances);
      dependencies = Map.copyOf(dependencies);
      violations = List.copyOf(violations);
    }
  }

  private final Map<InstanceRef, State> states = new LinkedHashMap<>();
  private final Map<InstanceRef, Set<String>> calls = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();
  private int step;

  private PlanSimulator() {}

  /**
   * Applies {@code plan} to every instance of {@code running}, all ready, calling what spec says.
   */
  public static Outcome run(
      Collection<InstanceRef> running, ArchitectureSpec spec, TransitionPlan plan) {
    Map<String, Set<String>> deps = new HashMap<>();
    for (TierSpec t : spec.getServices()) {
      deps.put(t.getName(), new LinkedHashSet<>(t.getDependencies()));
    }
    PlanSimulator sim = new PlanSimulator();
    for (InstanceRef i : running) {
      sim.states.put(i, State.READY);
      sim.calls.put(i, deps.getOrDefault(i.tier(), Set.of()));
    }
    for (Action a : plan.actions()) {
      sim.step++;
      sim.apply(a);
    }
    sim.states.forEach(
        (i, s) -> {
          if (s != State.READY) {
            sim.violations.add(
                "at the end: " + i.name() + " is " + s.name().toLowerCase(Locale.ROOT));
          }
        });
    Map<String, Set<String>> tierCalls = new TreeMap<>();
    sim.calls.forEach(
        (i, d) -> tierCalls.computeIfAbsent(i.tier(), k -> new HashSet<>()).addAll(d));
    return new Outcome(sim.states.keySet(), tierCalls, sim.violations);
  }

  private void apply(Action action) {
    switch (action) {
      case StartInstances s -> {
        for (InstanceRef i : s.instances()) {
          if (states.containsKey(i)) {
            violation("started " + i.name() + " twice");
            continue;
          }
          for (String dep : s.dependencies()) {
            if (!dep.equals(i.tier()) && !readyOrAbsent(i, dep, Set.of())) {
              violation("started " + i.name() + " before " + dep + " was ready");
            }
          }
          states.put(i, State.STARTING);
          calls.put(i, new LinkedHashSet<>(s.dependencies()));
        }
      }
      case AwaitReady a -> {
        for (InstanceRef i : a.instances()) {
          if (states.get(i) != State.STARTING && states.get(i) != State.READY) {
            violation("waited for " + i.name() + ", which is not starting");
          } else {
            states.put(i, State.READY);
          }
        }
      }
      case Repoint r -> repoint(r);
      case Roll r -> {
        for (InstanceRef i : r.instances()) {
          if (states.get(i) != State.READY) {
            violation("rolled " + i.name() + ", which is not ready");
            continue;
          }
          Set<String> deps = calls.remove(i);
          states.remove(i);
          InstanceRef next = i.withVersion(r.toVersion());
          states.put(next, State.READY);
          calls.put(next, deps);
        }
      }
      case Drain d -> drain(d);
      case Stop s -> {
        for (InstanceRef i : s.instances()) {
          if (states.get(i) != State.DRAINING) {
            violation("stopped " + i.name() + " without draining it");
          }
          states.remove(i);
          calls.remove(i);
        }
      }
      case Reconfigure c -> {
        // moves no instance
      }
    }
  }

  private void repoint(Repoint r) {
    Set<String> before = new HashSet<>(r.oldDependencies());
    List<InstanceRef> callers =
        states.keySet().stream().filter(i -> i.tier().equals(r.tier())).toList();
    if (callers.isEmpty()) {
      violation("re-pointed " + r.tier() + ", which has no instances");
    }
    for (InstanceRef c : callers) {
      if (!calls.get(c).equals(before)) {
        violation("re-pointed " + c.name() + " from " + before + " but it calls " + calls.get(c));
      }
      for (String dep : r.newDependencies()) {
        if (!before.contains(dep) && !dep.equals(c.tier()) && !readyOrAbsent(c, dep, Set.of())) {
          violation("re-pointed " + c.name() + " to " + dep + " before it was ready");
        }
      }
      calls.put(c, new LinkedHashSet<>(r.newDependencies()));
    }
  }

  private void drain(Drain d) {
    Set<InstanceRef> drained = new HashSet<>(d.instances());
    for (InstanceRef i : d.instances()) {
      if (states.get(i) != State.READY) {
        violation("drained " + i.name() + ", which is not ready");
      }
    }
    for (InstanceRef target : d.instances()) {
      for (Map.Entry<InstanceRef, Set<String>> e : calls.entrySet()) {
        InstanceRef c = e.getKey();
        if (drained.contains(c)
            || c.tier().equals(target.tier()) // a peer: replication, not a call waited on
            || !e.getValue().contains(target.tier())
            || !reaches(c, target)) {
          continue;
        }
        if (!hasReady(c, target.tier(), drained)) {
          violation(
              "drained "
                  + target.name()
                  + " while "
                  + c.name()
                  + " calls "
                  + target.tier()
                  + " and has no other ready instance of it");
          break;
        }
      }
    }
    drained.forEach(i -> states.put(i, State.DRAINING));
  }

  /** Whether {@code c} can call a ready {@code tier} instance, or there is none to wait for. */
  private boolean readyOrAbsent(InstanceRef c, String tier, Set<InstanceRef> excluded) {
    if (TierPackage.EUREKA_DEPENDENCY.equals(tier) && !hasTier(tier)) {
      return true;
    }
    if (!hasTier(tier)) {
      return false; // calls a tier that was never started
    }
    boolean anyReachable =
        states.keySet().stream().anyMatch(i -> i.tier().equals(tier) && reaches(c, i));
    return !anyReachable || hasReady(c, tier, excluded);
  }

  private boolean hasTier(String tier) {
    return states.keySet().stream().anyMatch(i -> i.tier().equals(tier));
  }

  private boolean hasReady(InstanceRef c, String tier, Set<InstanceRef> excluded) {
    return states.entrySet().stream()
        .anyMatch(
            e ->
                e.getKey().tier().equals(tier)
                    && e.getValue() == State.READY
                    && !excluded.contains(e.getKey())
                    && !e.getKey().equals(c)
                    && reaches(c, e.getKey()));
  }

  private boolean reaches(InstanceRef c, InstanceRef d) {
    if (c.isGlobal() || d.isGlobal() || c.region().equals(d.region())) {
      return true;
    }
    return c.tier().equals(d.tier())
        && calls.getOrDefault(c, Set.of()).contains(TierPackage.EUREKA_DEPENDENCY);
  }

  private void violation(String message) {
    violations.add("action " + step + ": " + message);
  }
}
