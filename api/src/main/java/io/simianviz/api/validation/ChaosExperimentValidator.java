package io.simianviz.api.validation;

import io.simianviz.api.chaos.ExperimentSchedule;
import io.simianviz.model.chaos.ChaosDecision;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.chaos.VictimSelector;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.spec.chaos.ChaosGuards;
import io.simianviz.model.spec.chaos.SteadyStateSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.model.validation.Numbers;
import io.simianviz.model.validation.Problem;
import io.simianviz.model.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What is wrong with a ChaosExperiment's spec, shared by {@code simianviz validate}, the local
 * runtime and the operator: every problem at once, never an exception for bad input. Paths are from
 * the resource's root ({@code spec.kind}), as {@link ExperimentSettings} writes them.
 *
 * <p>Alone, it checks what the spec says of itself (what admission's CEL rules check, and what they
 * cannot: durations of 0 after rounding, a cron schedule that does not parse or never comes). Given
 * the architecture, it also checks the target against it with {@link VictimSelector#experiment}'s
 * own refusals, and warns when the guards would refuse the experiment even with every instance up.
 */
public final class ChaosExperimentValidator {
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  private ChaosExperimentValidator() {}

  /** The spec's own problems. */
  public static ValidationResult validate(ChaosExperimentSpec spec) {
    ChaosExperimentValidator v = new ChaosExperimentValidator();
    v.spec(spec);
    return new ValidationResult(v.errors, v.warnings);
  }

  /**
   * The spec's problems and its target's against an architecture.
   *
   * @param architectureName the Architecture's metadata.name
   * @param architecture a valid architecture (ArchitectureValidator finds no error in it)
   */
  public static ValidationResult validate(
      ChaosExperimentSpec spec, String architectureName, ArchitectureSpec architecture) {
    ChaosExperimentValidator v = new ChaosExperimentValidator();
    v.spec(spec);
    if (v.errors.isEmpty()) {
      v.against(spec, architectureName, architecture);
    }
    return new ValidationResult(v.errors, v.warnings);
  }

  private void spec(ChaosExperimentSpec spec) {
    ChaosKind kind = spec.getKind();
    if (kind == null) {
      error("spec.kind", "required (one of monkey, gorilla, kong)");
    }
    if (spec.getTarget() == null || spec.getTarget().isBlank()) {
      error(
          "spec.target",
          "required: the tier (monkey), zone (gorilla) or region (kong) to take down");
    }
    if (spec.getMode() != null && kind == ChaosKind.MONKEY) {
      error("spec.mode", "only for gorilla and kong (a monkey takes one instance down)");
    }
    if (spec.getRegion() != null && kind != null && kind != ChaosKind.GORILLA) {
      error("spec.region", "only for gorilla (the zone's region); a kong's target is its region");
    }
    durations(spec);
    try {
      ExperimentSchedule.of(spec.getSchedule());
    } catch (IllegalArgumentException e) {
      error("spec.schedule", e.getMessage());
    }
    SteadyStateSpec s = spec.getSteadyState();
    if (s != null) {
      fraction("spec.steadyState.minSuccessRate", s.getMinSuccessRate());
      if (s.getMaxP99Ms() != null && !(s.getMaxP99Ms() >= 0)) {
        error(
            "spec.steadyState.maxP99Ms",
            "must not be negative (was " + Numbers.plain(s.getMaxP99Ms()) + ")");
      }
      if (s.getFailureThreshold() != null && s.getFailureThreshold() < 1) {
        error(
            "spec.steadyState.failureThreshold",
            "must be at least 1 (was " + s.getFailureThreshold() + ")");
      }
    }
    ChaosGuards g = spec.getGuards();
    if (g != null) {
      fraction("spec.guards.maxFraction", g.getMaxFraction());
      if (g.getMinHealthy() != null && g.getMinHealthy() < 0) {
        error("spec.guards.minHealthy", "must not be negative (was " + g.getMinHealthy() + ")");
      }
    }
  }

  /**
   * Each duration through {@link ExperimentSettings#of}, the parser the runtimes use, one at a
   * time: it stops at the first bad one, and a user fixes a file in one pass.
   */
  private void durations(ChaosExperimentSpec spec) {
    SteadyStateSpec s = spec.getSteadyState();
    List<Consumer<ChaosExperimentSpec>> probes = new ArrayList<>();
    probes.add(p -> p.setDuration(spec.getDuration()));
    if (s != null) {
      probes.add(p -> steadyState(p).setWindow(s.getWindow()));
      probes.add(p -> steadyState(p).setInterval(s.getInterval()));
    }
    for (Consumer<ChaosExperimentSpec> probe : probes) {
      ChaosExperimentSpec one = new ChaosExperimentSpec();
      probe.accept(one);
      try {
        ExperimentSettings.of(one);
      } catch (IllegalArgumentException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        if (colon < 0) {
          error("spec", message);
        } else {
          error(message.substring(0, colon), message.substring(colon + 2));
        }
      }
    }
  }

  private static SteadyStateSpec steadyState(ChaosExperimentSpec spec) {
    if (spec.getSteadyState() == null) {
      spec.setSteadyState(new SteadyStateSpec());
    }
    return spec.getSteadyState();
  }

  private void against(ChaosExperimentSpec spec, String architectureName, ArchitectureSpec arch) {
    String ref = spec.getArchitectureRef();
    if (ref != null && !ref.isEmpty() && !ref.equals(architectureName)) {
      warn(
          "spec.architectureRef",
          "names \""
              + ref
              + "\", not the architecture checked against, \""
              + architectureName
              + "\"");
    }
    Topology topology = TopologyExpander.expand(architectureName, arch, ExpansionOptions.NONE);
    List<Instance> all = topology.instances();
    // Guards that never refuse: only the facts of the architecture can refuse the target.
    ChaosDecision target =
        new VictimSelector(new ChaosGuard(0, 1))
            .experiment(
                spec.getKind(),
                spec.getTarget(),
                spec.getRegion(),
                all,
                all,
                new SplittableRandom(0));
    if (target instanceof ChaosDecision.Refused refused) {
      error("spec.target", refused.reason());
      return;
    }
    ChaosDecision guarded =
        new VictimSelector(ChaosGuard.of(arch, spec.getGuards()))
            .experiment(
                spec.getKind(),
                spec.getTarget(),
                spec.getRegion(),
                all,
                all,
                new SplittableRandom(0));
    if (guarded instanceof ChaosDecision.Refused refused) {
      warn(
          "spec.guards",
          "the experiment will be refused, even with every instance up: " + refused.reason());
    }
  }

  private void fraction(String path, Double value) {
    if (value != null && !(value >= 0 && value <= 1)) {
      error(path, "must be between 0 and 1 (was " + Numbers.plain(value) + ")");
    }
  }

  private void error(String path, String message) {
    errors.add(new Problem(path, message));
  }

  private void warn(String path, String message) {
    warnings.add(new Problem(path, message));
  }
}
