package io.simianviz.local.evolution;

import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.model.topology.ExpansionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The versions a run goes through: a folder's files, applied in name order every {@code stepEvery}
 * ({@code simianviz run DIR --step-every D}), or the saved changes of one file ({@code --watch}).
 *
 * @param versions the versions known up front, the first one running from the start
 * @param stepEvery how long each version runs before the next is applied (a folder)
 * @param watched the file whose saved changes are applied (--watch), or null
 * @param loader reads a saved change of the watched file (with --watch)
 */
public record EvolutionPlan(
    List<Version> versions, Duration stepEvery, Path watched, VersionLoader loader) {
  public EvolutionPlan {
    versions = List.copyOf(versions);
  }

  public static EvolutionPlan folder(List<Version> versions, Duration stepEvery) {
    return new EvolutionPlan(versions, stepEvery, null, null);
  }

  /**
   * One version whose autoscaled tiers and traffic.schedule are applied while it runs; null when it
   * has neither.
   */
  public static EvolutionPlan ofAutoscaleOrSchedule(Version only) {
    boolean autoscaled = only.spec().getServices().stream().anyMatch(t -> t.getAutoscale() != null);
    boolean scheduled =
        only.spec().getTraffic() != null
            && only.spec().getTraffic().getSchedule() != null
            && !only.spec().getTraffic().getSchedule().isEmpty();
    return autoscaled || scheduled ? new EvolutionPlan(List.of(only), null, null, null) : null;
  }

  public static EvolutionPlan watch(Version first, Path file, VersionLoader loader) {
    return new EvolutionPlan(List.of(first), null, file, loader);
  }

  /** How long the folder's versions take together: each runs {@code stepEvery}. */
  public Duration folderDuration() {
    return stepEvery == null ? Duration.ZERO : stepEvery.multipliedBy(versions.size());
  }

  /** Each tier at its largest over the versions known up front (connection pools are sized so). */
  public Map<String, Integer> instancesPerTier(ExpansionOptions options) {
    Map<String, Integer> most = new HashMap<>();
    for (Version v : versions) {
      Map<String, Integer> one = new HashMap<>();
      InstanceRef.expand(v.loaded().name(), v.spec(), options)
          .forEach(i -> one.merge(i.tier(), 1, Integer::sum));
      one.forEach((tier, n) -> most.merge(tier, n, Math::max));
    }
    return most;
  }
}
