package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.operator.desired.DesiredObjects;
import io.simianviz.operator.status.Conditions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A changed spec is applied stage by stage, in the transition plan's order: the migration steps
 * applied one over the other, a terminating pod of an older template holding a stage back, and an
 * edit made while a transition runs.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = MockApiServer.class)
class ArchitectureTransitionTest {
  @Inject KubernetesClient client;
  @Inject OperatorConfig config;
  @Inject ClusterObjects cluster;

  @Test
  void eachMigrationStepConvergesInThePlannedOrderWithNothingLeftBehind() throws IOException {
    String namespace = Fixtures.namespace("migration");
    Rollouts rollouts = new Rollouts(client, namespace);
    Architecture first = step(0, namespace);
    Architecture arch = converged(client.resource(first).create(), rollouts);
    assertThat(arch.getStatus().getTransition()).isNull();
    assertThat(arch.getStatus().getApplied().getGeneration()).isEqualTo(1L);

    int ordered = 0;
    for (int i = 1; i <= 9; i++) {
      ArchitectureSpec from = arch.getSpec();
      ArchitectureSpec to = step(i, namespace).getSpec();
      int before = rollouts.snapshots().size();
      Architecture edited = Fixtures.replaceSpec(client, arch, to);
      arch = converged(edited, rollouts);
      String what = "step" + (i - 1) + " -> step" + i;
      ordered +=
          inPlanOrder(
              what,
              arch,
              from,
              to,
              rollouts.snapshots().subList(before, rollouts.snapshots().size()));
      TransitionRecord last = arch.getStatus().getTransitions().getLast();
      assertThat(last.getOutcome()).as(what).isEqualTo("Converged");
      assertThat(last.getToGeneration()).as(what).isEqualTo(edited.getMetadata().getGeneration());
    }
    assertThat(arch.getStatus().getTransitions()).hasSize(9);
    assertThat(ordered).as("order checks made over the nine steps").isGreaterThanOrEqualTo(4);
    Condition progressing =
        Conditions.find(arch.getStatus().getConditions(), Conditions.PROGRESSING).orElseThrow();
    assertThat(progressing.getStatus()).isEqualTo("False");
    assertThat(progressing.getReason()).isEqualTo("Converged");
    assertThat(
            client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> "TransitionStage".equals(e.getReason()))
                .count())
        .isGreaterThanOrEqualTo(9);
  }

  @Test
  void aTerminatingPodOfAnOlderTemplateHoldsTheStageBack() throws InterruptedException {
    String namespace = Fixtures.namespace("terminating");
    Rollouts rollouts = new Rollouts(client, namespace);
    Architecture lamp = converged(client.resource(Fixtures.lamp(namespace)).create(), rollouts);
    Deployment webserver = deployment(namespace, "lamp-webserver-us-east-1-zone-a");
    Pod old = rollouts.pod(webserver, "old");
    old.getMetadata().setFinalizers(List.of("test.simianviz.io/hold"));
    client.resource(old).update();
    client.resource(old).delete(); // stays, terminating, until its finalizer goes

    // webserver gains a dependency: a new tier (grow), then webserver re-pointed (switch).
    Architecture edited =
        Fixtures.updateSpec(
            client,
            lamp,
            spec -> {
              spec.getServices().add(Fixtures.tier("sessions", "store", 1, 1));
              Fixtures.tierNamed(spec, "webserver").getDependencies().add("sessions");
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              rollouts.settle();
              ArchitectureStatus status = client.resource(edited).get().getStatus();
              assertThat(status.getTransition()).isNotNull();
              assertThat(status.getTransition().getStage()).isEqualTo("switch");
              assertThat(progressing(status).getMessage())
                  .contains("pod " + old.getMetadata().getName());
            });
    // The pod is of webserver's template before its re-point: it holds switch, however often the
    // Deployments are rolled out meanwhile.
    for (int i = 0; i < 5; i++) {
      rollouts.settle();
      Thread.sleep(300);
    }
    ArchitectureStatus held = client.resource(edited).get().getStatus();
    assertThat(held.getTransition().getStage()).isEqualTo("switch");
    assertThat(progressing(held).getMessage())
        .contains("stage switch (2 of 2)")
        .contains("start sessions (new tier)");

    Pod terminating = client.resource(old).get();
    terminating.getMetadata().setFinalizers(List.of());
    client.resource(terminating).update();
    converged(edited, rollouts);
  }

  @Test
  void anEditDuringATransitionRestartsItFromWhatRunsTowardsTheNewestSpec() {
    String namespace = Fixtures.namespace("mid-edit");
    Rollouts rollouts = new Rollouts(client, namespace);
    Architecture lamp = converged(client.resource(Fixtures.lamp(namespace)).create(), rollouts);
    Architecture first =
        Fixtures.updateSpec(
            client,
            lamp,
            spec -> {
              spec.getServices().add(Fixtures.tier("sessions", "store", 1, 1));
              Fixtures.tierNamed(spec, "webserver").getDependencies().add("sessions");
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> client.resource(first).get().getStatus().getTransition() != null);
    // Nothing rolls out meanwhile: the transition stays in its first stage.

    Architecture second =
        Fixtures.updateSpec(
            client,
            first,
            spec -> {
              spec.getServices().removeIf(t -> t.getName().equals("memcache"));
              Fixtures.tierNamed(spec, "webserver").getDependencies().remove("memcache");
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        client.resource(second).get().getStatus().getTransition().getToGeneration())
                    .isEqualTo(second.getMetadata().getGeneration()));
    ArchitectureStatus restarted = client.resource(second).get().getStatus();
    assertThat(restarted.getTransitions().getLast().getOutcome()).isEqualTo("Superseded");
    assertThat(restarted.getTransitions().getLast().getToGeneration())
        .isEqualTo(first.getMetadata().getGeneration());
    // It starts from what was running: the first edit's grow stage, sessions included.
    assertThat(restarted.getTransition().getFrom()).contains("\"sessions\"");
    assertThat(restarted.getTransition().getPlan()).anyMatch(l -> l.contains("memcache"));

    Architecture done = converged(second, rollouts);
    assertThat(done.getStatus().getTransitions().getLast().getOutcome()).isEqualTo("Converged");
    assertThat(cluster.names(done)).noneMatch(n -> n.contains("memcache"));
  }

  /**
   * New Deployments exist before a re-pointed caller changes; callers change before removals.
   * Returns how many of the two checks applied to this step.
   */
  private int inPlanOrder(
      String what,
      Architecture arch,
      ArchitectureSpec from,
      ArchitectureSpec to,
      List<Map<String, String>> snapshots) {
    Map<String, String> fromHashes = templates(arch, from);
    Map<String, String> toHashes = templates(arch, to);
    Map<String, String> tierOf = tiers(arch, from, to);
    Set<String> added = new HashSet<>(toHashes.keySet());
    added.removeAll(fromHashes.keySet());
    Set<String> removed = new HashSet<>(fromHashes.keySet());
    removed.removeAll(toHashes.keySet());
    Set<String> repointed = repointedTiers(from, to);
    List<String> callers =
        toHashes.keySet().stream()
            .filter(d -> fromHashes.containsKey(d) && repointed.contains(tierOf.get(d)))
            .toList();
    int allAdded = first(snapshots, s -> s.keySet().containsAll(added));
    int callersAtTarget =
        first(snapshots, s -> callers.stream().allMatch(d -> toHashes.get(d).equals(s.get(d))));
    int callersMoved =
        first(snapshots, s -> callers.stream().allMatch(d -> !fromHashes.get(d).equals(s.get(d))));
    int removalStarted = first(snapshots, s -> !s.keySet().containsAll(removed));
    int checks = 0;
    if (!added.isEmpty() && !callers.isEmpty()) {
      assertThat(allAdded)
          .as(what + ": new Deployments before callers move")
          .isLessThan(callersAtTarget);
      checks++;
    }
    if (!removed.isEmpty() && !callers.isEmpty()) {
      assertThat(callersMoved)
          .as(what + ": callers re-pointed before removals")
          .isLessThan(removalStarted);
      checks++;
    }
    return checks;
  }

  private static int first(
      List<Map<String, String>> snapshots, java.util.function.Predicate<Map<String, String>> p) {
    for (int i = 0; i < snapshots.size(); i++) {
      if (p.test(snapshots.get(i))) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static Set<String> repointedTiers(ArchitectureSpec from, ArchitectureSpec to) {
    Map<String, TierSpec> before =
        from.getServices().stream()
            .collect(Collectors.toMap(TierSpec::getName, Function.identity()));
    return to.getServices().stream()
        .filter(t -> before.containsKey(t.getName()))
        .filter(t -> t.getPackageName().equals(before.get(t.getName()).getPackageName()))
        .filter(
            t ->
                !new HashSet<>(t.getDependencies())
                    .equals(new HashSet<>(before.get(t.getName()).getDependencies())))
        .map(TierSpec::getName)
        .collect(Collectors.toSet());
  }

  private Map<String, String> templates(Architecture arch, ArchitectureSpec spec) {
    return build(arch, spec).ofType(Deployment.class).stream()
        .collect(Collectors.toMap(d -> d.getMetadata().getName(), Rollouts::templateHash));
  }

  private Map<String, String> tiers(Architecture arch, ArchitectureSpec from, ArchitectureSpec to) {
    Map<String, String> out = new java.util.HashMap<>();
    for (ArchitectureSpec spec : List.of(from, to)) {
      build(arch, spec)
          .ofType(Deployment.class)
          .forEach(
              d ->
                  out.put(
                      d.getMetadata().getName(),
                      d.getMetadata().getAnnotations().get(ManifestLabels.TIER_NAME_ANNOTATION)));
    }
    return out;
  }

  private DesiredObjects build(Architecture arch, ArchitectureSpec spec) {
    return DesiredObjects.build(
        arch, spec, config.manifestOptions(), client.getKubernetesSerialization());
  }

  private static Condition progressing(ArchitectureStatus status) {
    return Conditions.find(status.getConditions(), Conditions.PROGRESSING).orElseThrow();
  }

  private Deployment deployment(String namespace, String name) {
    return cluster.get(Deployment.class, namespace, name);
  }

  private static Architecture step(int i, String namespace) {
    try {
      Architecture a =
          ArchitectureFiles.read(migration().resolve("step" + i + ".yaml")).architecture();
      a.setMetadata(
          new ObjectMetaBuilder()
              .withName(a.getMetadata().getName())
              .withNamespace(namespace)
              .build());
      return a;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path migration() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples/migration"))) {
        return d.resolve("examples/migration");
      }
    }
    throw new IllegalStateException("no examples/migration above the working directory");
  }

  /**
   * Plays the Deployment controller until the cluster holds exactly the builders' objects for the
   * Architecture's current spec and no transition runs.
   */
  private Architecture converged(Architecture architecture, Rollouts rollouts) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              rollouts.settle();
              Architecture now = client.resource(architecture).get();
              assertThat(now.getStatus()).isNotNull();
              assertThat(now.getStatus().getTransition()).isNull();
              assertThat(now.getStatus().getApplied().getGeneration())
                  .isEqualTo(now.getMetadata().getGeneration());
              List<HasMetadata> expected = Fixtures.expectedObjects(client, now, config);
              assertThat(cluster.names(now)).isEqualTo(ClusterObjects.names(expected));
              for (HasMetadata want : expected) {
                assertThat(cluster.content(client.resource(want).get()))
                    .as(want.getKind() + " " + want.getMetadata().getName())
                    .isEqualTo(cluster.content(want));
              }
            });
    return client.resource(architecture).get();
  }
}
