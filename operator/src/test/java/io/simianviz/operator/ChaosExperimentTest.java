package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.api.v1alpha1.DeploymentReplicas;
import io.simianviz.api.v1alpha1.RestoreRecord;
import io.simianviz.api.validation.ChaosExperimentValidator;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.ExperimentProgress;
import io.simianviz.model.chaos.OutageMode;
import io.simianviz.model.chaos.TrafficCounters;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.Verdict;
import io.simianviz.model.chaos.WindowStatus;
import io.simianviz.model.spec.chaos.ChaosGuards;
import io.simianviz.model.spec.chaos.SteadyStateSpec;
import io.simianviz.operator.desired.ChaosHold;
import io.simianviz.operator.status.ChaosActivity;
import io.simianviz.operator.status.Conditions;
import io.simianviz.operator.traffic.StatsServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chaos controller against the mock API server, with 3 s windows and a stub traffic source
 * whose settled counters grow at 100 requests a second, all answered.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class ChaosExperimentTest {
  private static final Duration WAIT = Duration.ofSeconds(40);

  @Inject KubernetesClient client;
  @Inject ClusterObjects cluster;

  private StatsServer stats;
  private String namespace;
  private Architecture lamp;

  @BeforeEach
  void architectureWithPodsAndTraffic() throws IOException {
    stats = new StatsServer();
    long start = System.currentTimeMillis();
    stats.answerWith(() -> StatsServer.settledStats(settled(start)));
    namespace = Fixtures.namespace("chaos");
    lamp = client.resource(Fixtures.lamp(namespace)).create();
    List<Deployment> deployments =
        await().atMost(WAIT).until(() -> cluster.deployments(namespace), d -> d.size() >= 7);
    for (Deployment d : deployments) {
      if (!"www".equals(d.getMetadata().getLabels().get(ManifestLabels.TIER))) {
        TierPodFixture.owned(client, d, "a");
      }
    }
    TierPodFixture.trafficSource(client, lamp, stats.port());
  }

  @AfterEach
  void stopTraffic() {
    stats.close();
  }

  @Test
  void gorillaStopScalesTheZoneToZeroAndBackToTheRecordedCounts() {
    Map<String, Integer> before = replicas(zoneA());
    ChaosExperiment gorilla = client.resource(gorilla("stop-a", OutageMode.STOP, "2s")).create();

    ChaosExperimentStatus during = awaitPhase(gorilla, ExperimentPhase.During);
    assertThat(during.getRestore().getDeployments())
        .extracting(DeploymentReplicas::getName)
        .containsExactlyInAnyOrderElementsOf(before.keySet());
    await().atMost(WAIT).until(() -> replicas(zoneA()).values().stream().allMatch(r -> r == 0));
    assertThat(zoneA().stream().allMatch(ChaosHold::isHeld)).isTrue();
    Condition active = awaitChaosActive("True");
    assertThat(active.getReason()).isEqualTo("OutageInEffect");
    assertThat(active.getMessage())
        .isEqualTo("ChaosExperiment stop-a holds " + before.size() + " Deployment(s) at 0");
    assertThat(active.getObservedGeneration()).isEqualTo(lamp.getMetadata().getGeneration());

    ChaosExperimentStatus done = awaitPhase(gorilla, ExperimentPhase.Completed);
    assertThat(done.getVerdict()).isEqualTo(Verdict.Pass);
    assertThat(done.getRestore()).isNull();
    assertThat(done.getWindows())
        .extracting(w -> w.getName())
        .containsExactly("before", "during", "after");
    await().atMost(WAIT).until(() -> replicas(zoneA()).equals(before));
    assertThat(zoneA().stream().noneMatch(ChaosHold::isHeld)).isTrue();
    assertThat(awaitChaosActive("False").getReason()).isEqualTo("NoOutage");
    assertThat(reasons()).contains("ChaosOutage", "ChaosRestore", "ChaosPass");
  }

  @Test
  void aRestartedOperatorRestoresFromTheStatusAlone() {
    Map<String, Integer> before = replicas(zoneA());
    // What an operator that stopped mid-outage leaves: the Deployments at 0 and held, and the
    // record in the status; this process never saw the experiment run.
    for (Deployment d : zoneA()) {
      d.getSpec().setReplicas(0);
      d.getMetadata().getAnnotations().put(ChaosHold.ANNOTATION, "restarted");
      client.resource(d).update();
    }
    ChaosExperiment experiment = gorilla("restarted", OutageMode.STOP, "2s");
    ChaosExperimentStatus status = new ChaosExperimentStatus();
    status.setPhase(ExperimentPhase.During);
    status.setInjectedAt(Instant.now().minusSeconds(60).toString());
    status.setStartedAt(Instant.now().minusSeconds(61).toString());
    ExperimentProgress progress = new ExperimentProgress();
    progress.setPhaseEndsAtMillis(System.currentTimeMillis() - 58_000);
    TrafficCounters start = TrafficCounters.of(settled(System.currentTimeMillis() - 2_000));
    progress.setWindowStart(start);
    progress.setLastReading(start);
    status.setProgress(progress);
    RestoreRecord record = new RestoreRecord();
    record.setDeployments(
        before.entrySet().stream()
            .map(e -> new DeploymentReplicas(e.getKey(), e.getValue()))
            .toList());
    status.setRestore(record);
    experiment.setStatus(status);
    ChaosExperiment created = client.resource(experiment).create();
    created.setStatus(status);
    client.resource(created).updateStatus();

    await().atMost(WAIT).until(() -> replicas(zoneA()).equals(before));
    assertThat(zoneA().stream().noneMatch(ChaosHold::isHeld)).isTrue();
    ChaosExperimentStatus after =
        awaitPhase(created, ExperimentPhase.After, ExperimentPhase.Completed);
    assertThat(after.getRestore()).isNull();
  }

  @Test
  void isolateLabelsTheZonesPodsCreatesItsPolicyAndUndoesBoth() {
    List<String> zoneAPods =
        pods(
            p ->
                "zoneA".equals(p.getMetadata().getLabels().get(ManifestLabels.ZONE))
                    && !"www".equals(p.getMetadata().getLabels().get(ManifestLabels.TIER)));
    assertThat(zoneAPods).isNotEmpty();
    ChaosExperiment gorilla =
        client.resource(gorilla("isolate-a", OutageMode.ISOLATE, "2s")).create();

    ChaosExperimentStatus during = awaitPhase(gorilla, ExperimentPhase.During);
    assertThat(during.getRestore().getIsolatedPods())
        .containsExactlyInAnyOrderElementsOf(zoneAPods);
    assertThat(
            pods(p -> "isolate-a".equals(p.getMetadata().getLabels().get(ManifestLabels.ISOLATED))))
        .containsExactlyInAnyOrderElementsOf(zoneAPods);
    assertThat(awaitChaosActive("True").getMessage())
        .isEqualTo("ChaosExperiment isolate-a isolates " + zoneAPods.size() + " pod(s)");
    NetworkPolicy policy =
        await()
            .atMost(WAIT)
            .until(
                () -> cluster.get(NetworkPolicy.class, namespace, "isolate-a-isolate"),
                p -> p != null);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsEntry(ManifestLabels.ZONE, "zoneA")
        .containsEntry(ManifestLabels.ARCHITECTURE, "lamp");
    assertThat(policy.getSpec().getIngress()).isEmpty();
    assertThat(policy.getSpec().getEgress()).isEmpty();
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");

    awaitPhase(gorilla, ExperimentPhase.Completed);
    assertThat(cluster.get(NetworkPolicy.class, namespace, "isolate-a-isolate")).isNull();
    assertThat(pods(p -> p.getMetadata().getLabels().containsKey(ManifestLabels.ISOLATED)))
        .isEmpty();
    awaitChaosActive("False");
  }

  @Test
  void aPodStartedInTheZoneDuringAnIsolateOutageIsLabelledTooAndUnlabelledAtTheEnd() {
    ChaosExperiment gorilla =
        client.resource(gorilla("isolate-new", OutageMode.ISOLATE, "8s")).create();
    awaitPhase(gorilla, ExperimentPhase.During);
    await().atMost(WAIT).until(() -> !pods(isolatedBy("isolate-new")).isEmpty());

    // A replacement its ReplicaSet creates in zoneA, and a scale-up in another zone.
    String replacement =
        TierPodFixture.owned(client, zoneA().getFirst(), "new").getMetadata().getName();
    Deployment elsewhere =
        cluster.deployments(namespace).stream()
            .filter(d -> !"zoneA".equals(d.getMetadata().getLabels().get(ManifestLabels.ZONE)))
            .filter(d -> !"www".equals(d.getMetadata().getLabels().get(ManifestLabels.TIER)))
            .findFirst()
            .orElseThrow();
    String outside = TierPodFixture.owned(client, elsewhere, "new").getMetadata().getName();

    await().atMost(WAIT).until(() -> pods(isolatedBy("isolate-new")).contains(replacement));
    ChaosExperimentStatus during = client.resource(gorilla).get().getStatus();
    assertThat(during.getPhase()).isEqualTo(ExperimentPhase.During);
    assertThat(during.getRestore().getIsolatedPods()).contains(replacement).doesNotContain(outside);
    assertThat(pods(p -> p.getMetadata().getLabels().containsKey(ManifestLabels.ISOLATED)))
        .doesNotContain(outside);

    ChaosExperimentStatus done = awaitPhase(gorilla, ExperimentPhase.Completed);
    assertThat(pods(p -> p.getMetadata().getLabels().containsKey(ManifestLabels.ISOLATED)))
        .isEmpty();
    assertThat(done.getVerdict()).isEqualTo(Verdict.Pass);
    // The stub sends 100 requests a second: each window counts what was sent in it, once.
    assertThat(done.getWindows()).hasSize(3);
    for (WindowStatus w : done.getWindows()) {
      long sendTime =
          Duration.between(Instant.parse(w.getFrom()), Instant.parse(w.getTo())).toMillis();
      assertThat(w.getRequests()).isEqualTo(w.getAnswered() + w.getErrors() + w.getLost());
      assertThat(w.getRequests()).isPositive().isCloseTo(sendTime / 10, within(1L));
    }
    awaitChaosActive("False");
  }

  @Test
  void aDryRunWritesNothingButStatusAndEvents() {
    Map<String, Integer> before = replicas(zoneA());
    int pods = client.pods().inNamespace(namespace).list().getItems().size();
    ChaosExperiment dry = gorilla("dry", OutageMode.STOP, "2s");
    dry.getSpec().setDryRun(true);
    dry = client.resource(dry).create();

    ChaosExperimentStatus done = awaitPhase(dry, ExperimentPhase.Completed);
    assertThat(done.getMessage()).startsWith("dry run: would take down");
    assertThat(done.getVictims()).isNotEmpty();
    assertThat(done.getRestore()).isNull();
    assertThat(replicas(zoneA())).isEqualTo(before);
    assertThat(zoneA().stream().noneMatch(ChaosHold::isHeld)).isTrue();
    assertThat(client.pods().inNamespace(namespace).list().getItems()).hasSize(pods);
    assertThat(
            client
                .network()
                .v1()
                .networkPolicies()
                .inNamespace(namespace)
                .list()
                .getItems()
                .stream()
                .filter(p -> p.getMetadata().getName().startsWith("dry")))
        .isEmpty();
    assertThat(reasons()).contains("ChaosDryRun");
  }

  @Test
  void aRefusedExperimentSaysWhyInStatusAndEvent() {
    ChaosExperiment gorilla = gorilla("nowhere", OutageMode.STOP, "2s");
    gorilla.getSpec().setTarget("zoneX");
    gorilla = client.resource(gorilla).create();

    ChaosExperimentStatus refused = awaitPhase(gorilla, ExperimentPhase.Refused);
    assertThat(refused.getMessage()).startsWith("no zone zoneX in the architecture (zones: ");
    Event event = awaitEvent("ChaosRefused", "ChaosExperiment");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getMessage()).contains("no zone zoneX");
  }

  @Test
  void aScheduleTheValidatorRefusesIsRefusedWithItsMessage() {
    Map<String, Integer> before = replicas(zoneA());
    ChaosExperiment gorilla = gorilla("bad-schedule", OutageMode.STOP, "2s");
    gorilla.getSpec().setSchedule("0 24 * * *"); // admission's pattern lets it through
    gorilla = client.resource(gorilla).create();

    ChaosExperimentStatus refused = awaitPhase(gorilla, ExperimentPhase.Refused);
    String problem =
        ChaosExperimentValidator.validate(gorilla.getSpec()).errors().getFirst().toString();
    assertThat(problem).startsWith("spec.schedule: ");
    assertThat(refused.getMessage()).isEqualTo("invalid spec: " + problem);
    Event event = awaitEvent("ChaosRefused", "ChaosExperiment");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getMessage()).contains(problem);
    assertThat(replicas(zoneA())).isEqualTo(before);
  }

  @Test
  void deletingARunningExperimentRestoresAtOnce() {
    Map<String, Integer> before = replicas(zoneA());
    ChaosExperiment gorilla = client.resource(gorilla("deleted", OutageMode.STOP, "10m")).create();
    awaitPhase(gorilla, ExperimentPhase.During);
    await().atMost(WAIT).until(() -> replicas(zoneA()).values().stream().allMatch(r -> r == 0));

    client.resource(gorilla).delete();

    await().atMost(WAIT).until(() -> replicas(zoneA()).equals(before));
    assertThat(zoneA().stream().noneMatch(ChaosHold::isHeld)).isTrue();
    await().atMost(WAIT).until(() -> client.resource(gorilla).get() == null);
  }

  @Test
  void aMissingArchitectureIsNamedInTheStatus() {
    ChaosExperiment orphan = gorilla("orphan", OutageMode.STOP, "2s");
    orphan.getSpec().setArchitectureRef("nosuch");
    orphan = client.resource(orphan).create();

    ChaosExperimentStatus pending = awaitPhase(orphan, ExperimentPhase.Pending);
    assertThat(pending.getMessage())
        .isEqualTo("no Architecture nosuch in namespace " + namespace + " (spec.architectureRef)");
  }

  private ChaosExperiment gorilla(String name, OutageMode mode, String duration) {
    ChaosExperiment experiment = new ChaosExperiment();
    experiment.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    experiment.getSpec().setArchitectureRef("lamp");
    experiment.getSpec().setKind(ChaosKind.GORILLA);
    experiment.getSpec().setTarget("zoneA");
    experiment.getSpec().setMode(mode);
    experiment.getSpec().setDuration(duration);
    SteadyStateSpec steady = new SteadyStateSpec();
    // Windows longer than the 1 s readings: ExperimentMachine closes "during" and "after" on one
    // reading when none came in between, leaving "after" empty (reported upstream).
    steady.setWindow("3s");
    steady.setInterval("1s");
    experiment.getSpec().setSteadyState(steady);
    ChaosGuards guards = new ChaosGuards();
    guards.setMinHealthy(0); // memcache's one instance is in zoneA
    guards.setMaxFraction(1.0);
    experiment.getSpec().setGuards(guards);
    return experiment;
  }

  /** 100 requests a second since start, all answered in 1 ms, settled up to 100 ms ago. */
  private static TrafficReading settled(long start) {
    long through = System.currentTimeMillis() - 100;
    long sent = Math.max(0, (through - start) / 10);
    Histogram latency = TrafficReading.newHistogram();
    if (sent > 0) {
      latency.recordValueWithCount(1000, sent);
    }
    return new TrafficReading(through, sent, sent, 0, 0, latency);
  }

  private List<Deployment> zoneA() {
    return cluster.deployments(namespace).stream()
        .filter(d -> "zoneA".equals(d.getMetadata().getLabels().get(ManifestLabels.ZONE)))
        .filter(d -> !"www".equals(d.getMetadata().getLabels().get(ManifestLabels.TIER)))
        .toList();
  }

  private Map<String, Integer> replicas(List<Deployment> deployments) {
    return deployments.stream()
        .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d.getSpec().getReplicas()));
  }

  private ChaosExperimentStatus awaitPhase(ChaosExperiment experiment, ExperimentPhase... phases) {
    Predicate<ChaosExperimentStatus> reached =
        s -> s != null && List.of(phases).contains(s.getPhase());
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              ChaosExperiment now = client.resource(experiment).get();
              return now == null ? null : now.getStatus();
            },
            reached::test);
  }

  private static Predicate<Pod> isolatedBy(String experiment) {
    return p -> experiment.equals(p.getMetadata().getLabels().get(ManifestLabels.ISOLATED));
  }

  private List<String> pods(Predicate<Pod> which) {
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .filter(which)
        .map(p -> p.getMetadata().getName())
        .toList();
  }

  private Condition awaitChaosActive(String status) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              ArchitectureStatus s = client.resource(lamp).get().getStatus();
              return s == null
                  ? null
                  : Conditions.find(s.getConditions(), ChaosActivity.CONDITION).orElse(null);
            },
            c -> c != null && status.equals(c.getStatus()));
  }

  private List<String> reasons() {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .map(Event::getReason)
        .toList();
  }

  private Event awaitEvent(String reason, String kind) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                client.v1().events().inNamespace(namespace).list().getItems().stream()
                    .filter(e -> reason.equals(e.getReason()))
                    .filter(e -> kind.equals(e.getInvolvedObject().getKind()))
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }
}
