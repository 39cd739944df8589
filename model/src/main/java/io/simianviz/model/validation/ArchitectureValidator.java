package io.simianviz.model.validation;

import io.simianviz.model.Defaults;
import io.simianviz.model.DnsNames;
import io.simianviz.model.Durations;
import io.simianviz.model.ServiceTime;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Semantic validation shared by the CLI and the operator: what a schema cannot express. Returns
 * every problem at once; never throws for bad input.
 */
public final class ArchitectureValidator {
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private final ArchitectureSpec spec;
  private final Map<String, TierSpec> tiersByName = new HashMap<>();
  private final SettingsCheck settings = new SettingsCheck(this);
  private final EvolutionCheck evolution = new EvolutionCheck(this);

  private ArchitectureValidator(ArchitectureSpec spec) {
    this.spec = spec;
  }

  /** The most pods a Kubernetes cluster holds; far beyond what one machine runs locally. */
  public static final long MAX_INSTANCES = 100_000;

  public static ValidationResult validate(ArchitectureSpec spec) {
    ArchitectureValidator v = new ArchitectureValidator(spec);
    v.run();
    return new ValidationResult(v.errors, v.warnings);
  }

  private void run() {
    List<String> regionNames = Defaults.regionNames(spec);
    names("regionNames", regionNames);
    names("zoneNames", Defaults.zoneNames(spec));
    int regionCount = Defaults.regionCount(spec);
    boolean regionCountValid = false;
    if (regionCount < 1) {
      error("regionCount", "must be at least 1 (was " + regionCount + ")");
    } else if (regionCount > regionNames.size()) {
      error(
          "regionCount",
          regionCount + " exceeds the " + regionNames.size() + " region names defined");
    } else {
      regionCountValid = true;
    }
    int scale = Defaults.scale(spec);
    if (scale < 1) {
      error("scale", "must be a positive percentage (was " + scale + ")");
    }
    if (spec.getServices().isEmpty()) {
      error("services", "at least one tier is required");
    }
    new TierNameCheck(this).run(spec.getServices(), tiersByName);
    for (int i = 0; i < spec.getServices().size(); i++) {
      tier(
          i,
          spec.getServices().get(i),
          regionCountValid ? regionCount : 0,
          regionNames.size(),
          scale);
    }
    if (instances > MAX_INSTANCES) {
      error(
          "services",
          instances
              + " instances in all (counts x scale x regions); at most "
              + MAX_INSTANCES
              + ", the most pods a Kubernetes cluster holds");
    }
    victim("victim", spec.getVictim());
    if (spec.getChaos() != null && spec.getChaos().getMonkey() != null) {
      victim("chaos.monkey.victim", spec.getChaos().getMonkey().getVictim());
      String interval = spec.getChaos().getMonkey().getInterval();
      if (interval != null && !interval.isEmpty()) {
        positiveDuration("chaos.monkey.interval", interval);
      }
    }
    settings.run(spec);
    evolution.traffic(spec);
    DependencyCycles.check(spec.getServices(), this);
    boolean hasSource =
        spec.getServices().stream()
            .anyMatch(t -> TierPackage.DENOMINATOR.spigoName().equals(t.getPackageName()));
    if (!hasSource && !spec.getServices().isEmpty()) {
      warn("services", "no denominator tier: the architecture is valid but idle (no traffic)");
    }
  }

  /**
   * regionCount is 0 when it is itself invalid, so tiers do not repeat that error; an invalid scale
   * (below 1) counts as 1% for the instance limit and gives no warnings of its own.
   */
  private void tier(int i, TierSpec tier, int regionCount, int regionNameCount, int scale) {
    String at = "services[" + i + "]";
    Optional<TierPackage> pkg = Optional.empty();
    if (tier.getPackageName() == null || tier.getPackageName().isEmpty()) {
      error(at + ".package", "required (one of " + TierPackage.knownNames() + ")");
    } else {
      pkg = TierPackage.fromSpigoName(tier.getPackageName());
      if (pkg.isEmpty()) {
        error(
            at + ".package",
            "unknown package \""
                + tier.getPackageName()
                + "\" (expected one of "
                + TierPackage.knownNames()
                + ")");
      }
    }
    int count = Defaults.count(tier);
    int regions = Defaults.regions(tier);
    if (count >= 0 && regions >= 0) {
      long perRegion = count == 0 ? 1 : Math.max(1, (long) count * Math.max(scale, 1) / 100);
      instances += perRegion * (regions == 0 ? 1 : (long) regions * Math.max(regionCount, 1));
    }
    if (count < 0) {
      error(at + ".count", "must not be negative (was " + count + ")");
    } else if (scale >= 1 && count > 0 && (long) count * scale < 100) {
      warn(
          at + ".count",
          count + " at scale " + scale + "% is below one instance per region; raised to 1");
    }
    if (regions < 0) {
      error(at + ".regions", "must not be negative (was " + regions + ")");
    } else if ((long) regions * regionCount > regionNameCount) {
      error(
          at + ".regions",
          "spans "
              + regions
              + " x regionCount "
              + regionCount
              + " = "
              + (regions * regionCount)
              + " regions but only "
              + regionNameCount
              + " region names are defined");
    }
    dependencies(at, tier);
    settings.tier(at, tier, pkg.orElse(null));
    evolution.tier(at, tier);
  }

  private void dependencies(String at, TierSpec tier) {
    List<String> deps = tier.getDependencies();
    for (int j = 0; j < deps.size(); j++) {
      String dep = deps.get(j);
      String path = at + ".dependencies[" + j + "]";
      if (dep == null || dep.isEmpty()) {
        error(path, "must be a tier name");
        continue;
      }
      if (deps.indexOf(dep) < j) {
        warn(path, "\"" + dep + "\" is listed twice");
        continue;
      }
      TierSpec target = tiersByName.get(dep);
      if (target == null) {
        if (!TierPackage.EUREKA_DEPENDENCY.equals(dep)) {
          error(path, "unknown tier \"" + dep + "\"");
        }
      } else if (TierPackage.DENOMINATOR.spigoName().equals(target.getPackageName())) {
        error(path, "\"" + dep + "\" is a traffic source (denominator) and cannot be called");
      }
    }
  }

  private void victim(String path, String victim) {
    if (victim != null && !victim.isEmpty() && !tiersByName.containsKey(victim)) {
      error(path, "unknown tier \"" + victim + "\"");
    }
  }

  private void names(String path, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Optional<String> problem = DnsNames.problem(name);
      if (problem.isPresent()) {
        error(path + "[" + i + "]", problem.get());
      } else if (names.indexOf(name) < i) {
        error(path + "[" + i + "]", "duplicate name \"" + name + "\"");
      }
    }
  }

  /** A duration that must be above 0: a periodic action with no pause would run on every tick. */
  void positiveDuration(String path, String text) {
    try {
      if (Durations.parse(text).isZero()) {
        error(path, "must be above 0 (was \"" + text + "\")");
      }
    } catch (IllegalArgumentException e) {
      error(path, e.getMessage());
    }
  }

  void duration(String path, String text) {
    try {
      Durations.parse(text);
    } catch (IllegalArgumentException e) {
      error(path, e.getMessage());
    }
  }

  void serviceTime(String path, String text) {
    try {
      ServiceTime.parse(text);
    } catch (IllegalArgumentException e) {
      error(path, e.getMessage());
    }
  }

  private long instances;

  void error(String path, String message) {
    errors.add(new Problem(path, message));
  }

  void warn(String path, String message) {
    warnings.add(new Problem(path, message));
  }
}
