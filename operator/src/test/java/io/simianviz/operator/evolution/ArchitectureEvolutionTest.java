package io.simianviz.operator.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.simianviz.api.manifest.CanaryDeployments;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.WindowFigures;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.CanaryAnalysisSpec;
import io.simianviz.model.spec.evolution.CanarySpec;
import io.simianviz.operator.canary.CanaryWindow;
import io.simianviz.operator.desired.ChaosHold;
import io.simianviz.operator.desired.DesiredObjects;
import io.simianviz.operator.traffic.SourceReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The transition state machine on its own: everything it needs is in the status, so a status read
 * back from its JSON (what a restarted operator reads) carries on at the same stage.
 */
class ArchitectureEvolutionTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final ManifestOptions OPTIONS = ManifestOptions.defaults("test");
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void theFirstSpecIsAppliedAtOnceWithoutATransition() {
    EvolutionStep step = next(arch(1, lamp(), null), List.of(), Set.of(), T0);
    assertThat(step.transition()).isNull();
    assertThat(step.applied().getGeneration()).isEqualTo(1L);
    assertThat(names(step.objects())).contains("Deployment/lamp-webserver-us-east-1-zone-a");
  }

  @Test
  void aRestartedOperatorCarriesOnAtTheStoredStage() {
    Architecture edited = arch(2, withSessions(), applied(lamp()));
    EvolutionStep grow = next(edited, List.of(), Set.of(), T0);
    assertThat(grow.transition().getStages()).containsExactly("grow", "switch");
    assertThat(grow.transition().getStage()).isEqualTo("grow");
    assertThat(grow.transition().getPlan().getFirst()).startsWith("Plan for lamp");
    assertThat(names(grow.objects())).contains("Deployment/lamp-sessions-us-east-1-zone-a");

    // A new reconciler, from the status as stored: nothing rolled out yet, so still grow.
    Architecture stored = storedWith(edited, grow, T0);
    EvolutionStep waiting = next(stored, List.of(), Set.of(), T0.plusSeconds(5));
    assertThat(waiting.transition().getStage()).isEqualTo("grow");
    assertThat(waiting.transition().getStartedAt()).isEqualTo(grow.transition().getStartedAt());
    assertThat(waiting.waiting()).endsWith("to be applied");

    // Once grow's objects are applied and rolled out, switch starts.
    EvolutionStep switched = next(stored, rolledOut(grow.objects()), Set.of(), T0.plusSeconds(10));
    assertThat(switched.transition().getStage()).isEqualTo("switch");
    assertThat(switched.transition().getStageStartedAt()).isEqualTo("2026-01-01T10:00:10Z");

    Architecture stored2 = storedWith(stored, switched, T0.plusSeconds(10));
    EvolutionStep done = next(stored2, rolledOut(switched.objects()), Set.of(), T0.plusSeconds(20));
    assertThat(done.transition()).isNull();
    assertThat(done.applied().getGeneration()).isEqualTo(2L);
    TransitionRecord record = done.transitions().getLast();
    assertThat(record.getOutcome()).isEqualTo("Converged");
    assertThat(record.getFromGeneration()).isEqualTo(1L);
    assertThat(record.getDurationSeconds()).isEqualTo(20.0);
  }

  @Test
  void anEditMidTransitionRestartsFromTheRunningStageTowardsTheNewestSpec() {
    Architecture edited = arch(2, withSessions(), applied(lamp()));
    EvolutionStep grow = next(edited, List.of(), Set.of(), T0);
    Architecture again = storedWith(edited, grow, T0);
    again.getMetadata().setGeneration(3L);
    ArchitectureSpec third = lamp();
    third.getServices().add(tier("cache", "store", 1, 1));
    again.setSpec(third);

    EvolutionStep restarted = next(again, List.of(), Set.of(), T0.plusSeconds(3));

    TransitionRecord superseded = restarted.transitions().getLast();
    assertThat(superseded.getOutcome()).isEqualTo("Superseded");
    assertThat(superseded.getToGeneration()).isEqualTo(2L);
    assertThat(restarted.transition().getFromGeneration()).isEqualTo(1L);
    assertThat(restarted.transition().getToGeneration()).isEqualTo(3L);
    // From what runs: the first edit's grow stage, sessions included; it goes in shrink.
    assertThat(SpecJson.read(restarted.transition().getFrom(), "from").getServices())
        .extracting(TierSpec::getName)
        .contains("sessions");
    assertThat(restarted.transition().getPlan()).anyMatch(l -> l.contains("drain sessions"));
    assertThat(restarted.transition().getStages()).last().isEqualTo("shrink");
  }

  @Test
  void aTransitionCountsWhatTheTrafficSourcesSentWhileItRan() {
    Architecture edited = arch(2, withSessions(), applied(lamp()));
    EvolutionStep grow = next(edited, List.of(), Set.of(source("a", 100, 98, 1, 1)), T0);
    Architecture stored = storedWith(edited, grow, T0);
    EvolutionStep switched =
        next(stored, rolledOut(grow.objects()), Set.of(source("a", 200, 197, 2, 1)), T0);
    Architecture stored2 = storedWith(stored, switched, T0);
    // Source b started during the transition; source a's pod went, keeping its last reading.
    EvolutionStep done =
        next(stored2, rolledOut(switched.objects()), Set.of(source("b", 50, 50, 0, 0)), T0);

    TransitionRecord r = done.transitions().getLast();
    assertThat(r.getRequests()).isEqualTo(150);
    assertThat(r.getAnswered()).isEqualTo(149);
    assertThat(r.getErrors()).isEqualTo(1);
    assertThat(r.getLost()).isZero();
    assertThat(r.getSuccessRate()).isEqualTo(99.33);
    assertThat(r.getP99Ms()).isNotNull();
  }

  @Test
  void aRestartedOperatorCarriesOnJudgingACanaryAndARollbackIsNotRetried() {
    Architecture pushed = arch(2, pushed("v2"), applied(pushed("v1")));
    EvolutionStep held = next(pushed, List.of(), Set.of(), T0);
    assertThat(held.transition().getStages()).containsExactly("switch");
    String canary = CanaryDeployments.name("lamp-webserver-us-east-1-zone-a");
    assertThat(names(held.objects())).contains("Deployment/" + canary);
    assertThat(version(held.objects(), "lamp-webserver-us-east-1-zone-a")).isEqualTo("v1");
    assertThat(version(held.objects(), canary)).isEqualTo("v2");

    // Rolled out: judging starts; then one failed interval, stored.
    Architecture stored = storedWith(pushed, held, T0);
    EvolutionStep judging = next(stored, rolledOut(held.objects()), Set.of(), T0.plusSeconds(5));
    assertThat(judging.transition().getCanary().getStartedAt()).isEqualTo("2026-01-01T10:00:05Z");
    stored = storedWith(stored, judging, T0.plusSeconds(5));
    WindowFigures first = failing(5, 15);
    EvolutionStep one =
        next(stored, rolledOut(held.objects()), List.of(new CanaryWindow("webserver", first)), 15);
    assertThat(one.transition().getCanary().getIntervals()).hasSize(1);
    assertThat(one.transition().getCanary().getIntervals().getFirst().getFailure())
        .startsWith("success rate 0.7000");

    // A restarted operator (the status read back) judges the next window; the one already judged
    // is not counted twice. Two failures: rolled back to v1, canary Deployments gone.
    Architecture restarted = storedWith(stored, one, T0.plusSeconds(15));
    EvolutionStep back =
        next(
            restarted,
            rolledOut(held.objects()),
            List.of(
                new CanaryWindow("webserver", first),
                new CanaryWindow("webserver", failing(15, 25))),
            25);
    assertThat(back.transition()).isNull();
    assertThat(back.transitions().getLast().getOutcome()).isEqualTo("RolledBack");
    assertThat(back.applied().getRolledBack())
        .contains("canary of webserver v1 -> v2 failed 2 of 2");
    assertThat(names(back.objects())).doesNotContain("Deployment/" + canary);
    assertThat(version(back.objects(), "lamp-webserver-us-east-1-zone-a")).isEqualTo("v1");

    // Not retried while the spec stays the same.
    Architecture after = storedWith(restarted, back, T0.plusSeconds(25));
    EvolutionStep again = next(after, rolledOut(back.objects()), Set.of(), T0.plusSeconds(60));
    assertThat(again.transition()).isNull();
    assertThat(again.applied().getRolledBack()).isNotNull();
    assertThat(version(again.objects(), "lamp-webserver-us-east-1-zone-a")).isEqualTo("v1");
  }

  @Test
  void aZoneAtZeroReplicasGetsNoCanaryPodAndTheTierKeepsOne() {
    Architecture pushed = arch(2, pushed("v2"), applied(pushed("v1")));
    String zoneA = "lamp-webserver-us-east-1-zone-a";
    String zoneB = "lamp-webserver-us-east-1-zone-b";
    String zoneC = "lamp-webserver-us-east-1-zone-c";
    Deployment held =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(zoneA)
            .addToAnnotations(ChaosHold.ANNOTATION, "gorilla-a")
            .endMetadata()
            .build();

    // zone-a held at 0 by a stop outage, zone-b scaled to 0 as the autoscaler may.
    EvolutionStep judging =
        ArchitectureEvolution.next(
            pushed,
            spec ->
                DesiredObjects.build(pushed, spec, OPTIONS, JSON)
                    .scaled(Map.of(zoneB, 0))
                    .holding(ChaosHold.of(List.of(held))),
            List.of(),
            List.of(),
            Set.of(),
            List.of(),
            T0);

    assertThat(replicas(judging.objects(), zoneA)).isZero();
    assertThat(replicas(judging.objects(), CanaryDeployments.name(zoneA))).isZero();
    assertThat(replicas(judging.objects(), CanaryDeployments.name(zoneB))).isZero();
    // zone-c's one replica: ceil(10% of 1), so the canary still has a pod to judge.
    assertThat(replicas(judging.objects(), zoneC)).isEqualTo(1);
    assertThat(replicas(judging.objects(), CanaryDeployments.name(zoneC))).isEqualTo(1);
  }

  @Test
  void onlyTheLastTenTransitionsAreKept() {
    Architecture arch = arch(1, lamp(), null);
    arch = storedWith(arch, next(arch, List.of(), Set.of(), T0), T0);
    for (int i = 0; i < 12; i++) {
      Architecture edited =
          edit(
              arch,
              arch.getMetadata().getGeneration() + 1,
              s -> s.getServices().get(0).setCount(s.getServices().get(0).getCount() + 1));
      EvolutionStep step = next(edited, List.of(), Set.of(), T0);
      while (step.transition() != null) {
        edited = storedWith(edited, step, T0);
        step = next(edited, rolledOut(step.objects()), Set.of(), T0);
      }
      arch = storedWith(edited, step, T0);
    }
    assertThat(arch.getStatus().getTransitions()).hasSize(ArchitectureEvolution.KEPT);
    assertThat(arch.getStatus().getTransitions().getLast().getToGeneration()).isEqualTo(13L);
  }

  private static EvolutionStep next(
      Architecture arch, List<HasMetadata> actual, Set<SourceReading> readings, Instant now) {
    return ArchitectureEvolution.next(
        arch,
        spec -> DesiredObjects.build(arch, spec, OPTIONS, JSON),
        actual,
        List.of(),
        readings,
        List.of(),
        now);
  }

  /** The Architecture with the step's status, as read back from the API server. */
  private static EvolutionStep next(
      Architecture arch, List<HasMetadata> actual, List<CanaryWindow> windows, int seconds) {
    return ArchitectureEvolution.next(
        arch,
        spec -> DesiredObjects.build(arch, spec, OPTIONS, JSON),
        actual,
        List.of(),
        Set.of(),
        windows,
        T0.plusSeconds(seconds));
  }

  /** 100 requests, 30 of them errors. */
  private static WindowFigures failing(int fromSeconds, int toSeconds) {
    long from = T0.plusSeconds(fromSeconds).toEpochMilli();
    long to = T0.plusSeconds(toSeconds).toEpochMilli();
    return new WindowFigures(from, to, 100, 70, 30, 0, 0.7, 1, 2);
  }

  /** lamp with webserver at {@code version}, canaried every 10 s, two failures to roll back. */
  private static ArchitectureSpec pushed(String version) {
    ArchitectureSpec spec = lamp();
    CanaryAnalysisSpec analysis = new CanaryAnalysisSpec();
    analysis.setInterval("10s");
    analysis.setFailureLimit(2);
    analysis.setIterations(3);
    CanarySpec canary = new CanarySpec();
    canary.setAnalysis(analysis);
    spec.getServices().get(1).setVersion(version);
    spec.getServices().get(1).setCanary(canary);
    return spec;
  }

  private static int replicas(DesiredObjects objects, String deployment) {
    return objects.ofType(Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals(deployment))
        .findFirst()
        .orElseThrow()
        .getSpec()
        .getReplicas();
  }

  private static String version(DesiredObjects objects, String deployment) {
    return objects.ofType(Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals(deployment))
        .findFirst()
        .orElseThrow()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getLabels()
        .get(ManifestLabels.VERSION);
  }

  private static Architecture storedWith(Architecture arch, EvolutionStep step, Instant now) {
    ArchitectureStatus status =
        arch.getStatus() == null ? new ArchitectureStatus() : arch.getStatus();
    step.writeTo(status, arch.getMetadata().getGeneration(), now);
    arch.setStatus(status);
    return JSON.unmarshal(JSON.asJson(arch), Architecture.class);
  }

  private static Architecture edit(
      Architecture arch, long generation, Consumer<ArchitectureSpec> change) {
    Architecture copy = JSON.unmarshal(JSON.asJson(arch), Architecture.class);
    copy.getMetadata().setGeneration(generation);
    change.accept(copy.getSpec());
    return copy;
  }

  /** The objects as the cluster has them once applied and every Deployment rolled out. */
  private static List<HasMetadata> rolledOut(DesiredObjects objects) {
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata o : objects.all()) {
      if (o instanceof Deployment d) {
        int replicas = d.getSpec().getReplicas();
        out.add(
            new DeploymentBuilder(d)
                .withNewStatus()
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withReadyReplicas(replicas)
                .endStatus()
                .build());
      } else {
        out.add(o);
      }
    }
    return out;
  }

  private static SourceReading source(
      String pod, long sent, long answered, long errors, long lost) {
    Histogram latency = TrafficReading.newHistogram();
    latency.recordValueWithCount(2_000, answered + errors);
    io.simianviz.operator.traffic.TrafficReading reading =
        new io.simianviz.operator.traffic.TrafficReading(
            sent, errors, 0, 0, 0, new TrafficReading(0, sent, answered, errors, lost, latency));
    return new SourceReading(pod, reading);
  }

  private static List<String> names(DesiredObjects objects) {
    return objects.all().stream().map(DesiredObjects::key).toList();
  }

  private static io.simianviz.api.v1alpha1.evolution.AppliedVersion applied(ArchitectureSpec spec) {
    io.simianviz.api.v1alpha1.evolution.AppliedVersion a =
        new io.simianviz.api.v1alpha1.evolution.AppliedVersion();
    a.setGeneration(1L);
    a.setSpec(SpecJson.write(spec));
    return a;
  }

  private static Architecture arch(
      long generation,
      ArchitectureSpec spec,
      io.simianviz.api.v1alpha1.evolution.AppliedVersion applied) {
    Architecture a = new Architecture();
    a.setMetadata(
        new ObjectMetaBuilder()
            .withName("lamp")
            .withNamespace("ns")
            .withGeneration(generation)
            .build());
    a.setSpec(spec);
    if (applied != null) {
      ArchitectureStatus status = new ArchitectureStatus();
      status.setApplied(applied);
      a.setStatus(status);
    }
    return a;
  }

  private static ArchitectureSpec lamp() {
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setServices(
        new ArrayList<>(
            List.of(
                tier("rds-mysql", "store", 2, 1),
                tier("webserver", "monolith", 3, 1, "rds-mysql"),
                tier("webserver-elb", "elb", 0, 1, "webserver"),
                tier("www", "denominator", 0, 0, "webserver-elb"))));
    return spec;
  }

  private static ArchitectureSpec withSessions() {
    ArchitectureSpec spec = lamp();
    spec.getServices().add(tier("sessions", "store", 1, 1));
    spec.getServices().get(1).getDependencies().add("sessions");
    return spec;
  }

  private static TierSpec tier(String name, String pkg, int count, int regions, String... deps) {
    TierSpec t = new TierSpec();
    t.setName(name);
    t.setPackageName(pkg);
    t.setCount(count);
    t.setRegions(regions);
    t.setDependencies(new ArrayList<>(List.of(deps)));
    return t;
  }
}
