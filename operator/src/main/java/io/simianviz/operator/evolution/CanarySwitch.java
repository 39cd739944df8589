package io.simianviz.operator.evolution;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.v1alpha1.evolution.AppliedVersion;
import io.simianviz.api.v1alpha1.evolution.CanaryStatus;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import io.simianviz.model.evolution.CanaryAnalysis.Judgement;
import io.simianviz.model.evolution.CanaryAnalysis.Outcome;
import io.simianviz.model.evolution.CanaryTiers.CanaryTier;
import io.simianviz.model.evolution.TransitionStages.StageSpec;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.operator.canary.CanaryWindow;
import io.simianviz.operator.desired.DesiredObjects;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A transition's switch stage while its canary decides (docs/evolution.md, "Code push"): the canary
 * Deployments rolled out, their intervals judged ({@link CanaryIntervals}), then promoted (the
 * tiers roll, the canary Deployments kept until they have) or rolled back.
 */
final class CanarySwitch {
  private final StageObjects staged;
  private final Function<ArchitectureSpec, DesiredObjects> build;
  private final List<TransitionRecord> records;
  private final Collection<CanaryWindow> windows;
  private final Instant now;
  private final long generation;

  CanarySwitch(
      StageObjects staged,
      Function<ArchitectureSpec, DesiredObjects> build,
      List<TransitionRecord> records,
      Collection<CanaryWindow> windows,
      Instant now,
      long generation) {
    this.staged = staged;
    this.build = build;
    this.records = records;
    this.windows = windows;
    this.now = now;
    this.generation = generation;
  }

  /**
   * The switch stage while its canary decides; empty once promoted and the canary Deployments may
   * go (the stage then goes on as any other).
   */
  Optional<EvolutionStep> decide(
      TransitionStatus t,
      List<StageSpec> stages,
      int index,
      ArchitectureSpec from,
      ArchitectureSpec to,
      List<CanaryTier> tiers,
      Collection<? extends HasMetadata> actual,
      Collection<Pod> pods,
      AppliedVersion applied) {
    CanaryStatus canary = CanaryStage.copy(t.getCanary(), tiers);
    t.setCanary(canary);
    if (CanaryStage.PROMOTED.equals(canary.getPhase())) {
      return Optional.empty();
    }
    DesiredObjects objects = staged.objects(stages, index, from, to, t);
    if (CanaryStage.PROMOTING.equals(canary.getPhase())) {
      // The canary Deployments stay until the tiers have rolled, so the new version's share of
      // calls only grows.
      Optional<String> rolling =
          StageProgress.waitingFor(
              staged.proper(stages, index, from).all(),
              CanaryStage.withoutCanaries(actual),
              CanaryStage.withoutCanaries(pods),
              false);
      if (rolling.isPresent()) {
        return Optional.of(new EvolutionStep(objects, applied, t, records, rolling.get()));
      }
      canary.setPhase(CanaryStage.PROMOTED);
      return Optional.empty();
    }
    if (canary.getStartedAt() == null) {
      Optional<String> starting = StageProgress.waitingFor(objects.all(), actual, pods, false);
      if (starting.isEmpty()) {
        canary.setStartedAt(now.toString());
      }
      return Optional.of(
          new EvolutionStep(
              objects, applied, t, records, starting.orElse("the canary's first interval")));
    }
    canary.setIntervals(
        CanaryIntervals.add(
            canary.getIntervals(),
            windows,
            Instant.parse(canary.getStartedAt()).toEpochMilli(),
            tiers));
    List<Judgement> judgements = CanaryIntervals.judge(canary.getIntervals(), tiers);
    for (int i = 0; i < tiers.size(); i++) {
      if (judgements.get(i).outcome() == Outcome.ROLLBACK) {
        TransitionRecords.add(records, t, "RolledBack", now);
        AppliedVersion back =
            ArchitectureEvolution.applied(
                generation, SpecJson.write(CanaryStage.reverted(from, to, tiers)));
        back.setRolledBack(CanaryIntervals.rolledBack(tiers.get(i), judgements.get(i)));
        return Optional.of(
            new EvolutionStep(
                build.apply(ArchitectureEvolution.read(back)), back, null, records, null));
      }
    }
    if (judgements.stream().allMatch(j -> j.outcome() == Outcome.PROMOTE)) {
      canary.setPhase(CanaryStage.PROMOTING);
      return Optional.of(
          new EvolutionStep(
              staged.objects(stages, index, from, to, t),
              applied,
              t,
              records,
              "its objects to be applied"));
    }
    return Optional.of(
        new EvolutionStep(
            objects, applied, t, records, CanaryIntervals.judging(tiers, judgements)));
  }
}
