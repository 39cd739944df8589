package io.simianviz.operator.evolution;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import io.simianviz.model.evolution.CanaryTiers.CanaryTier;
import io.simianviz.model.evolution.TransitionStages;
import io.simianviz.model.evolution.TransitionStages.Stage;
import io.simianviz.model.evolution.TransitionStages.StageSpec;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.operator.desired.DesiredObjects;
import java.util.List;
import java.util.function.Function;

/**
 * The objects a reconcile applies in each stage of a transition ({@link TransitionStages}), built
 * as the reconcile builds a spec's objects.
 */
final class StageObjects {
  private final String architecture;
  private final Function<ArchitectureSpec, DesiredObjects> build;

  /**
   * @param architecture the Architecture's name
   * @param build the objects of a spec, as this reconcile would apply them
   */
  StageObjects(String architecture, Function<ArchitectureSpec, DesiredObjects> build) {
    this.architecture = architecture;
    this.build = build;
  }

  /**
   * A stage's objects, as {@link #proper}; in a switch stage whose canary is not promoted yet, the
   * canaried tiers held at their running version while judged, and the canary Deployments first.
   */
  DesiredObjects objects(
      List<StageSpec> stages,
      int index,
      ArchitectureSpec from,
      ArchitectureSpec to,
      TransitionStatus t) {
    DesiredObjects proper = proper(stages, index, from);
    StageSpec stage = stages.get(index);
    String phase = t.getCanary() == null ? CanaryStage.JUDGING : t.getCanary().getPhase();
    if (stage.stage() != Stage.SWITCH || CanaryStage.PROMOTED.equals(phase)) {
      return proper;
    }
    List<CanaryTier> tiers = CanaryStage.tiers(architecture, from, to);
    if (tiers.isEmpty()) {
      return proper;
    }
    List<Deployment> canaries = CanaryStage.deployments(build.apply(stage.spec()), tiers);
    if (CanaryStage.PROMOTING.equals(phase)) {
      return proper.after(canaries);
    }
    DesiredObjects held = build.apply(CanaryStage.held(stage.spec(), from, to, tiers));
    return (index == stages.size() - 1 ? held : held.keeping(build.apply(from))).after(canaries);
  }

  /** A stage's objects; before the last stage, with every object of {@code from} kept. */
  DesiredObjects proper(List<StageSpec> stages, int index, ArchitectureSpec from) {
    DesiredObjects stage = build.apply(stages.get(index).spec());
    return index == stages.size() - 1 ? stage : stage.keeping(build.apply(from));
  }

  static int indexOf(List<StageSpec> stages, String stage) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).stage().label().equals(stage)) {
        return i;
      }
    }
    return -1;
  }

  static ArchitectureSpec stageSpec(ArchitectureSpec from, ArchitectureSpec to, String stage) {
    return TransitionStages.of(from, to).stream()
        .filter(s -> s.stage().label().equals(stage))
        .findFirst()
        .map(StageSpec::spec)
        .orElse(from);
  }
}
