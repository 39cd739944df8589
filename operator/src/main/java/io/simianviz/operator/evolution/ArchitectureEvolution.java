package io.simianviz.operator.evolution;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.AppliedVersion;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import io.simianviz.model.evolution.CanaryTiers.CanaryTier;
import io.simianviz.model.evolution.TransitionStages;
import io.simianviz.model.evolution.TransitionStages.Stage;
import io.simianviz.model.evolution.TransitionStages.StageSpec;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.operator.canary.CanaryWindow;
import io.simianviz.operator.desired.DesiredObjects;
import io.simianviz.operator.traffic.SourceReading;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which objects a reconcile applies while an Architecture changes from one spec to the next, and
 * the transition state that goes into its status (docs/evolution.md, "On Kubernetes"). The stages
 * are {@link TransitionStages}; the next starts only when the current one is done ({@link
 * StageProgress}). Everything it needs to carry on is in the status, so a restarted operator picks
 * up at the stage it was at.
 *
 * <p>The first spec ever applied has no transition. A spec edited while a transition runs starts a
 * new transition from what runs (the current stage's spec) to the newest spec; the interrupted one
 * is recorded as Superseded.
 */
public final class ArchitectureEvolution {
  /** How many finished transitions the status keeps. */
  public static final int KEPT = TransitionRecords.KEPT;

  private final Architecture architecture;
  private final long generation;
  private final Function<ArchitectureSpec, DesiredObjects> build;
  private final StageObjects staged;
  private final Instant now;
  private final List<TransitionRecord> records;
  private final Collection<CanaryWindow> windows;

  private ArchitectureEvolution(
      Architecture architecture,
      Function<ArchitectureSpec, DesiredObjects> build,
      Instant now,
      Collection<CanaryWindow> windows) {
    this.architecture = architecture;
    this.windows = windows;
    this.generation = Optional.ofNullable(architecture.getMetadata().getGeneration()).orElse(0L);
    this.build = build;
    this.staged = new StageObjects(architecture.getMetadata().getName(), build);
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
    this.records = TransitionRecords.of(architecture.getStatus());
  }

  /**
   * The step of this reconcile.
   *
   * @param build the objects of a spec, as this reconcile would apply them
   * @param actual the architecture's objects as the informers have them
   * @param pods the architecture's pods
   * @param readings the traffic sources' latest readings
   * @param windows the canary poller's latest window of each judged tier
   */
  public static EvolutionStep next(
      Architecture architecture,
      Function<ArchitectureSpec, DesiredObjects> build,
      Collection<? extends HasMetadata> actual,
      Collection<Pod> pods,
      Collection<SourceReading> readings,
      Collection<CanaryWindow> windows,
      Instant now) {
    return new ArchitectureEvolution(architecture, build, now, windows)
        .step(actual, pods, readings);
  }

  private EvolutionStep step(
      Collection<? extends HasMetadata> actual,
      Collection<Pod> pods,
      Collection<SourceReading> readings) {
    ArchitectureSpec spec = architecture.getSpec();
    ArchitectureStatus status = architecture.getStatus();
    AppliedVersion applied = status == null ? null : status.getApplied();
    TransitionStatus running = status == null ? null : status.getTransition();
    if (running == null) {
      if (applied != null
          && applied.getRolledBack() != null
          && Objects.equals(applied.getGeneration(), generation)) {
        // This generation's push was rolled back: what runs stays until the spec changes again.
        return new EvolutionStep(build.apply(read(applied)), applied, null, records, null);
      }
      if (applied == null || TransitionStages.same(read(applied), spec)) {
        return steady(spec); // the first version, or an edit that changed nothing
      }
      return begin(applied.getGeneration(), read(applied), spec, readings);
    }
    ArchitectureSpec from = SpecJson.read(running.getFrom(), "status.transition.from");
    ArchitectureSpec to = SpecJson.read(running.getTo(), "status.transition.to");
    TransitionStatus t = copy(running);
    t.setSources(TransitionTraffic.update(running.getSources(), readings));
    if (!TransitionStages.same(to, spec)) {
      ArchitectureSpec current = StageObjects.stageSpec(from, to, t.getStage());
      if (t.getCanary() != null && CanaryStage.JUDGING.equals(t.getCanary().getPhase())) {
        current = CanaryStage.held(current, from, to, CanaryStage.tiers(name(), from, to));
      }
      TransitionRecords.add(records, t, "Superseded", now);
      return TransitionStages.same(current, spec)
          ? steady(spec)
          : begin(t.getFromGeneration(), current, spec, readings);
    }
    t.setToGeneration(generation);
    List<StageSpec> stages = TransitionStages.of(from, to);
    int index = Math.max(0, StageObjects.indexOf(stages, t.getStage()));
    List<CanaryTier> canaried =
        stages.get(index).stage() == Stage.SWITCH ? CanaryStage.tiers(name(), from, to) : List.of();
    if (!canaried.isEmpty()) {
      Optional<EvolutionStep> judged =
          new CanarySwitch(staged, build, records, windows, now, generation)
              .decide(t, stages, index, from, to, canaried, actual, pods, applied);
      if (judged.isPresent()) {
        return judged.get();
      }
    }
    DesiredObjects objects = staged.objects(stages, index, from, to, t);
    Optional<String> waiting =
        StageProgress.waitingFor(objects.all(), actual, pods, index == stages.size() - 1);
    if (waiting.isPresent()) {
      return new EvolutionStep(objects, applied, t, records, waiting.get());
    }
    if (index == stages.size() - 1) {
      TransitionRecords.add(records, t, "Converged", now);
      return new EvolutionStep(objects, appliedNow(t.getTo()), null, records, null);
    }
    t.setStage(stages.get(index + 1).stage().label());
    t.setStageStartedAt(now.toString());
    return new EvolutionStep(
        staged.objects(stages, index + 1, from, to, t),
        applied,
        t,
        records,
        "its objects to be applied");
  }

  private String name() {
    return architecture.getMetadata().getName();
  }

  /** No transition: the spec's objects, and the spec recorded as applied. */
  private EvolutionStep steady(ArchitectureSpec spec) {
    return new EvolutionStep(
        build.apply(spec), appliedNow(SpecJson.write(spec)), null, records, null);
  }

  private EvolutionStep begin(
      Long fromGeneration,
      ArchitectureSpec from,
      ArchitectureSpec to,
      Collection<SourceReading> readings) {
    List<StageSpec> stages = TransitionStages.of(from, to);
    TransitionStatus t = new TransitionStatus();
    t.setFromGeneration(fromGeneration);
    t.setToGeneration(generation);
    t.setStages(stages.stream().map(s -> s.stage().label()).toList());
    t.setStage(t.getStages().getFirst());
    t.setPlan(TransitionText.plan(architecture.getMetadata().getName(), from, to));
    t.setStartedAt(now.toString());
    t.setStageStartedAt(now.toString());
    t.setFrom(SpecJson.write(from));
    t.setTo(SpecJson.write(to));
    t.setSources(TransitionTraffic.start(readings));
    AppliedVersion applied = architecture.getStatus().getApplied();
    return new EvolutionStep(
        staged.objects(stages, 0, from, to, t), applied, t, records, "its objects to be applied");
  }

  private AppliedVersion appliedNow(String spec) {
    return applied(generation, spec);
  }

  /** {@code spec} recorded as applied at {@code generation}. */
  static AppliedVersion applied(long generation, String spec) {
    AppliedVersion a = new AppliedVersion();
    a.setGeneration(generation);
    a.setSpec(spec);
    return a;
  }

  static ArchitectureSpec read(AppliedVersion applied) {
    return SpecJson.read(applied.getSpec(), "status.applied.spec");
  }

  private static TransitionStatus copy(TransitionStatus t) {
    TransitionStatus c = new TransitionStatus();
    c.setFromGeneration(t.getFromGeneration());
    c.setToGeneration(t.getToGeneration());
    c.setStage(t.getStage());
    c.setStages(t.getStages());
    c.setPlan(t.getPlan());
    c.setStartedAt(t.getStartedAt());
    c.setStageStartedAt(t.getStageStartedAt());
    c.setFrom(t.getFrom());
    c.setTo(t.getTo());
    c.setSources(t.getSources());
    c.setCanary(t.getCanary());
    return c;
  }
}
