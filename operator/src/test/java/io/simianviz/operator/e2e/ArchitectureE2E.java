package io.simianviz.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.readiness.Readiness;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.api.v1alpha1.DeploymentReplicas;
import io.simianviz.api.v1alpha1.TrafficSummary;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.OutageMode;
import io.simianviz.model.chaos.Verdict;
import io.simianviz.model.chaos.WindowStatus;
import io.simianviz.model.spec.chaos.ChaosGuards;
import io.simianviz.model.spec.chaos.SteadyStateSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The chart and examples/lamp.yaml on a real k3s cluster: every pod ready and requests flowing from
 * the traffic source through the elb to the webservers and their stores, as the traffic summary in
 * the status shows; then a monkey and a gorilla {@code stop} ChaosExperiment, each judged from the
 * traffic and restored. Runs (by failsafe, {@code bin/build verify}) where a container engine can
 * run rancher/k3s; skipped elsewhere, every test of the class, saying why (see {@link
 * ClusterPreconditions}).
 */
class ArchitectureE2E {
  private static final Path OPERATOR_IMAGE =
      Path.of(
          System.getProperty(
              "simianviz.e2e.operator-image", "target/simianviz-operator-image.tar"));
  private static final Path NANOSERVICE_IMAGE =
      Path.of(
          System.getProperty(
              "simianviz.e2e.nanoservice-image",
              "../service-image/target/simianviz-service-image.tar"));
  private static final String NAMESPACE = "lamp";
  private static final Duration EXPERIMENT = Duration.ofMinutes(3);

  private static K3sContainer k3s;
  private static KubernetesClient client;
  private static Architecture lamp;

  /**
   * The first test starts k3s with both images imported, installs the chart (its CRDs with it) and
   * applies examples/lamp.yaml; the others find them. Where that cannot run, each test is skipped
   * saying what is missing (an assumption in a test, not in a {@code @BeforeAll}, so that the build
   * reports the tests as skipped rather than none at all).
   */
  private static void startCluster() throws IOException, InterruptedException {
    ClusterPreconditions.assumeAll(OPERATOR_IMAGE, NANOSERVICE_IMAGE);
    if (lamp != null) {
      return;
    }
    if (k3s != null) {
      throw new IllegalStateException("the cluster's set-up failed in an earlier test");
    }
    k3s = new K3sContainer(ClusterPreconditions.K3S);
    k3s.start();
    importImage(OPERATOR_IMAGE);
    importImage(NANOSERVICE_IMAGE);
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml()))
            .build();
    new Helm(Path.of("..", "helm", "simianviz"))
        .install()
        .withName("simianviz")
        .withNamespace("simianviz-system")
        .createNamespace()
        .withKubeConfigContents(k3s.getKubeConfigYaml())
        .set("image.pullPolicy", "Never")
        .waitReady()
        .withTimeout(300)
        .call();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    lamp = ArchitectureFiles.read(Path.of("..", "examples", "lamp.yaml")).architecture();
    lamp.getMetadata().setNamespace(NAMESPACE);
    client.resource(lamp).create();
  }

  @AfterAll
  static void stopCluster() {
    if (client != null) {
      client.close();
    }
    if (k3s != null) {
      k3s.stop();
    }
  }

  @Test
  void lampRunsWithEveryPodReadyAndTrafficFlowing() throws IOException, InterruptedException {
    startCluster();
    awaitReady();
    List<Pod> pods =
        client
            .pods()
            .inNamespace(NAMESPACE)
            .withLabel(ManifestLabels.ARCHITECTURE, "lamp")
            .list()
            .getItems();
    assertThat(pods).hasSize(23).allMatch(Readiness::isPodReady);

    TrafficSummary traffic = awaitTraffic();
    assertThat(traffic.getSuccessRate()).isGreaterThan(99.0);
  }

  /** One webserver pod of 18 deleted: the elb's other webservers serve, and the verdict is Pass. */
  @Test
  void aMonkeyExperimentDeletesOneWebserverPodAndPasses() throws IOException, InterruptedException {
    startCluster();
    awaitReady();
    awaitTraffic();
    ChaosExperiment monkey = experiment("monkey-webserver", ChaosKind.MONKEY, "webserver");
    client.resource(monkey).create();

    ChaosExperimentStatus done = awaitPhase(monkey, ExperimentPhase.Completed);
    assertThat(done.getVictims()).hasSize(1);
    assertThat(done.getVerdict()).isEqualTo(Verdict.Pass);
    assertWindowsAddUp(done);
    String victim = done.getVictims().getFirst();
    assertThat(client.pods().inNamespace(NAMESPACE).withName(victim).get()).isNull();
    awaitReady(); // the ReplicaSet replaced it
  }

  /**
   * zoneA stopped: its Deployments at 0 during the outage, held there against the Architecture's
   * reconciler, and back at their recorded counts after it, with ChaosActive saying so meanwhile.
   */
  @Test
  void aGorillaStopScalesZoneADownAndBack() throws IOException, InterruptedException {
    startCluster();
    awaitReady();
    awaitTraffic();
    Map<String, Integer> before = replicas(zoneA());
    ChaosExperiment gorilla = experiment("gorilla-zonea", ChaosKind.GORILLA, "zoneA");
    gorilla.getSpec().setMode(OutageMode.STOP);
    // memcache's one instance is in zoneA: the guards would refuse the outage
    ChaosGuards guards = new ChaosGuards();
    guards.setMinHealthy(0);
    guards.setMaxFraction(1.0);
    gorilla.getSpec().setGuards(guards);
    client.resource(gorilla).create();

    ChaosExperimentStatus during = awaitPhase(gorilla, ExperimentPhase.During);
    assertThat(during.getRestore().getDeployments())
        .extracting(DeploymentReplicas::getName)
        .containsExactlyInAnyOrderElementsOf(before.keySet());
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> replicas(zoneA()).values().stream().allMatch(r -> r == 0));
    assertThat(condition(status(lamp), "ChaosActive")).isEqualTo("True");

    ChaosExperimentStatus done = awaitPhase(gorilla, ExperimentPhase.Completed);
    assertThat(done.getVerdict()).isNotNull(); // memcache down: Fail is a fair verdict
    assertThat(done.getRestore()).isNull();
    assertWindowsAddUp(done);
    await().atMost(Duration.ofMinutes(1)).until(() -> replicas(zoneA()).equals(before));
    awaitReady();
    assertThat(condition(status(lamp), "ChaosActive")).isEqualTo("False");
  }

  private static ChaosExperiment experiment(String name, ChaosKind kind, String target) {
    ChaosExperiment experiment = new ChaosExperiment();
    experiment.getMetadata().setName(name);
    experiment.getMetadata().setNamespace(NAMESPACE);
    experiment.getSpec().setArchitectureRef("lamp");
    experiment.getSpec().setKind(kind);
    experiment.getSpec().setTarget(target);
    experiment.getSpec().setDuration("20s");
    SteadyStateSpec steady = new SteadyStateSpec();
    steady.setMinSuccessRate(0.95);
    steady.setWindow("15s");
    steady.setInterval("2s");
    experiment.getSpec().setSteadyState(steady);
    return experiment;
  }

  /** Every request of every window is answered, an error or lost: none is dropped. */
  private static void assertWindowsAddUp(ChaosExperimentStatus status) {
    assertThat(status.getWindows())
        .extracting(WindowStatus::getName)
        .containsExactly("before", "during", "after");
    assertThat(status.getWindows())
        .allSatisfy(
            w -> {
              assertThat(w.getRequests()).isPositive();
              assertThat(w.getAnswered() + w.getErrors() + w.getLost()).isEqualTo(w.getRequests());
            });
  }

  private static ChaosExperimentStatus awaitPhase(
      ChaosExperiment experiment, ExperimentPhase phase) {
    return await()
        .atMost(EXPERIMENT)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> client.resource(experiment).get().getStatus(),
            s -> s != null && s.getPhase() == phase);
  }

  private static void awaitReady() {
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(5))
        .until(() -> "True".equals(condition(status(lamp), "Ready")));
  }

  private static TrafficSummary awaitTraffic() {
    return await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(5))
        .until(() -> status(lamp).getTraffic(), t -> t != null && t.getRequests() > 100);
  }

  private static List<Deployment> zoneA() {
    return client
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .withLabel(ManifestLabels.ARCHITECTURE, "lamp")
        .withLabel(ManifestLabels.ZONE, "zoneA")
        .list()
        .getItems()
        .stream()
        .filter(d -> !"www".equals(d.getMetadata().getLabels().get(ManifestLabels.TIER)))
        .toList();
  }

  private static Map<String, Integer> replicas(List<Deployment> deployments) {
    return deployments.stream()
        .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d.getSpec().getReplicas()));
  }

  private static ArchitectureStatus status(Architecture architecture) {
    ArchitectureStatus status = client.resource(architecture).get().getStatus();
    return status == null ? new ArchitectureStatus() : status;
  }

  private static String condition(ArchitectureStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .map(c -> c.getStatus())
        .findFirst()
        .orElse(null);
  }

  /** Loads an image tar into k3s' containerd, where pods with pullPolicy Never find it. */
  private static void importImage(Path tar) throws IOException, InterruptedException {
    String inside = "/tmp/" + tar.getFileName();
    k3s.copyFileToContainer(MountableFile.forHostPath(tar), inside);
    var result = k3s.execInContainer("ctr", "-n", "k8s.io", "images", "import", inside);
    if (result.getExitCode() != 0) {
      throw new IllegalStateException("importing " + tar + " failed: " + result.getStderr());
    }
  }
}
