package io.simianviz.model.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.evolution.Action.AwaitReady;
import io.simianviz.model.evolution.Action.Reconfigure;
import io.simianviz.model.evolution.Action.Roll;
import io.simianviz.model.evolution.Action.StartInstances;
import io.simianviz.model.evolution.TransitionStages.StageSpec;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.validation.ArchitectureValidator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stages the operator applies between every two consecutive migration steps, both ways: each
 * stage is a valid spec, grow only adds, switch moves callers without removing a tier, and the last
 * stage is the next step.
 */
class MigrationStagesTest {
  @ParameterizedTest(name = "step{0} -> step{1}")
  @MethodSource("io.simianviz.model.evolution.MigrationPlansTest#pairs")
  void theStagesFollowThePlansOrderAndEndAtTheNextStep(int fromStep, int toStep) {
    LoadedArchitecture fromFile = MigrationPlansTest.step(fromStep);
    ArchitectureSpec from = fromFile.architecture().getSpec();
    ArchitectureSpec to = MigrationPlansTest.step(toStep).architecture().getSpec();
    String arch = fromFile.name();

    List<StageSpec> stages = TransitionStages.of(from, to);

    assertThat(stages).isNotEmpty();
    assertThat(stages.stream().map(StageSpec::stage).toList()).isSorted();
    assertThat(TransitionStages.same(stages.getLast().spec(), to)).isTrue();
    ArchitectureSpec previous = from;
    for (StageSpec s : stages) {
      String what = "step" + fromStep + " -> step" + toStep + " " + s.stage().label();
      assertThat(ArchitectureValidator.validate(s.spec()).errors()).as(what).isEmpty();
      assertThat(TransitionStages.same(s.spec(), previous)).as(what).isFalse();
      TransitionPlan plan = TransitionPlanner.plan(arch, previous, s.spec(), ExpansionOptions.NONE);
      switch (s.stage()) {
        case GROW -> growOnlyStarts(plan, previous, s.spec(), what);
        case SWITCH -> switchRemovesNoTier(previous, s.spec(), to, what);
        case SHRINK -> shrinkOnlyStops(plan, what);
      }
      previous = s.spec();
    }
  }

  /** Grow starts instances and nothing else; callers keep their dependencies. */
  private static void growOnlyStarts(
      TransitionPlan plan, ArchitectureSpec from, ArchitectureSpec grow, String what) {
    assertThat(plan.actions())
        .as(what + "\n" + plan.render())
        .allMatch(
            a ->
                a instanceof StartInstances || a instanceof AwaitReady || a instanceof Reconfigure);
    Map<String, TierSpec> after = byName(grow);
    for (TierSpec f : from.getServices()) {
      assertThat(after).as(what).containsKey(f.getName());
      assertThat(new HashSet<>(after.get(f.getName()).getDependencies()))
          .as(what + " " + f.getName())
          .isEqualTo(new HashSet<>(f.getDependencies()));
    }
  }

  /**
   * Switch has every tier of the target as the target has it (but its count), and every old one.
   */
  private static void switchRemovesNoTier(
      ArchitectureSpec before, ArchitectureSpec switched, ArchitectureSpec to, String what) {
    Map<String, TierSpec> after = byName(switched);
    assertThat(after.keySet()).as(what).containsAll(byName(before).keySet());
    for (TierSpec t : to.getServices()) {
      TierSpec s = after.get(t.getName());
      assertThat(s.getDependencies()).as(what + " " + t.getName()).isEqualTo(t.getDependencies());
      assertThat(s.getPackageName()).as(what).isEqualTo(t.getPackageName());
      assertThat(s.getVersion()).as(what).isEqualTo(t.getVersion());
    }
    Set<String> kept = byName(to).keySet();
    for (TierSpec s : switched.getServices()) {
      if (!kept.contains(s.getName())) {
        assertThat(to.getServices())
            .as(what + ": nobody calls removed " + s.getName())
            .noneMatch(t -> t.getDependencies().contains(s.getName()));
      }
    }
  }

  /** Shrink drains and stops; it starts, re-points and rolls nothing. */
  private static void shrinkOnlyStops(TransitionPlan plan, String what) {
    assertThat(plan.actions())
        .as(what + "\n" + plan.render())
        .noneMatch(a -> a instanceof StartInstances || a instanceof Roll)
        .noneMatch(a -> a instanceof Action.Repoint);
  }

  private static Map<String, TierSpec> byName(ArchitectureSpec spec) {
    return spec.getServices().stream()
        .collect(Collectors.toMap(TierSpec::getName, Function.identity()));
  }
}
