package io.simianviz.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.readiness.Readiness;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.TrafficSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The chart and examples/lamp.yaml on a real k3s cluster: every pod ready and requests flowing from
 * the traffic source through the elb to the webservers and their stores, as the traffic summary in
 * the status shows. Runs (by failsafe, {@code bin/build verify}) where a container engine can run
 * rancher/k3s; skipped elsewhere, saying why (see {@link ClusterPreconditions}).
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

  private static K3sContainer k3s;
  private static KubernetesClient client;

  /** Starts k3s with both images imported, or skips the calling test saying what is missing. */
  private static void startCluster() throws IOException, InterruptedException {
    ClusterPreconditions.assumeAll(OPERATOR_IMAGE, NANOSERVICE_IMAGE);
    k3s = new K3sContainer(ClusterPreconditions.K3S);
    k3s.start();
    importImage(OPERATOR_IMAGE);
    importImage(NANOSERVICE_IMAGE);
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml()))
            .build();
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
    Architecture lamp =
        ArchitectureFiles.read(Path.of("..", "examples", "lamp.yaml")).architecture();
    lamp.getMetadata().setNamespace(NAMESPACE);
    client.resource(lamp).create();

    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(5))
        .until(() -> ready(status(lamp)));
    List<Pod> pods =
        client
            .pods()
            .inNamespace(NAMESPACE)
            .withLabel(ManifestLabels.ARCHITECTURE, "lamp")
            .list()
            .getItems();
    assertThat(pods).hasSize(23).allMatch(Readiness::isPodReady);

    TrafficSummary traffic =
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(5))
            .until(() -> status(lamp).getTraffic(), t -> t != null && t.getRequests() > 100);
    assertThat(traffic.getSuccessRate()).isGreaterThan(99.0);
  }

  private static ArchitectureStatus status(Architecture lamp) {
    ArchitectureStatus status = client.resource(lamp).get().getStatus();
    return status == null ? new ArchitectureStatus() : status;
  }

  private static boolean ready(ArchitectureStatus status) {
    return status.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
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
