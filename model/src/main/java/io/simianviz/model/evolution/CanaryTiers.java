package io.simianviz.model.evolution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which tiers of a transition go through a canary, and the stage spec a runtime that applies whole
 * specs (the operator) holds while they are judged. A tier canaries when the plan rolls it to
 * another {@code version} and its new spec has a {@code canary}; a roll of settings only (same
 * version) rolls as a plain rolling update, as in the local runtime.
 */
public final class CanaryTiers {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A tier rolled after a canary, from one version to another. */
  public record CanaryTier(
      String tier, String fromVersion, String toVersion, CanaryPolicy policy) {}

  private CanaryTiers() {}

  /** The plan's rolls that carry a canary and change the version, in plan order. */
  public static List<CanaryTier> of(TransitionPlan plan) {
    Map<String, CanaryTier> out = new LinkedHashMap<>();
    for (Action a : plan.actions()) {
      if (a instanceof Action.Roll r
          && r.canary().isPresent()
          && !Objects.equals(r.fromVersion(), r.toVersion())) {
        out.putIfAbsent(
            r.tier(), new CanaryTier(r.tier(), r.fromVersion(), r.toVersion(), r.canary().get()));
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * {@code stage} with each of {@code canaried} as the {@link TransitionStages#grow grow} stage
   * runs it: the running version, dependencies and settings, at the larger of the two counts (the
   * switch stage's count when the tier keeps its shape, its running shape when the shape changes).
   * A runtime applies this spec while the canary is judged, so the tier's own Deployments do not
   * roll before the canary is promoted.
   */
  public static ArchitectureSpec held(
      ArchitectureSpec stage, ArchitectureSpec from, ArchitectureSpec to, Set<String> canaried) {
    Map<String, TierSpec> running = new LinkedHashMap<>();
    TransitionStages.grow(from, to).getServices().forEach(t -> running.put(t.getName(), t));
    ArchitectureSpec out = JSON.convertValue(JSON.valueToTree(stage), ArchitectureSpec.class);
    List<TierSpec> tiers = new ArrayList<>();
    for (TierSpec t : out.getServices()) {
      TierSpec old = running.get(t.getName());
      if (canaried.contains(t.getName()) && old != null) {
        tiers.add(old);
      } else {
        tiers.add(t);
      }
    }
    out.setServices(tiers);
    return out;
  }
}
