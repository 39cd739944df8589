package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.manifest.ArchitectureManifests;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.TierStatus;
import io.simianviz.operator.image.LoopbackApiServer;
import io.simianviz.testsupport.Podman;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator image the build made (target/simianviz-operator-image.tar), run with podman as the
 * Helm chart runs it (read-only root filesystem, /tmp a tmpfs, every capability dropped, no
 * privilege escalation, the chart's CPU and memory limits) against an API server the test provides:
 * the fabric8 mock server on 127.0.0.1, reached through a mounted kubeconfig from a container on
 * the host's network. Skipped when no container engine is installed.
 *
 * <p>Leader election is off (SIMIANVIZ_OPERATOR_LEADER_ELECTION=false): the mock server has no
 * answer to the SelfSubjectRulesReview JOSDK sends before it takes a Lease. Server-side apply stays
 * on, as in production (it cannot be turned off at run time); {@code ServerSideApplyDispatcher}
 * serves it.
 */
class OperatorImageIT {
  private static final String NAMESPACE = "lamp";
  private static final String VERSION = System.getProperty("simianviz.version");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Kept referenced: JUL holds loggers weakly, and the mock server logs every request at INFO. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private static Podman podman;
  private static String engineMissing;
  private static LoopbackApiServer api;
  private static KubernetesClient client;
  private static String container;

  @BeforeAll
  static void startOperator() throws Exception {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
    try {
      podman = Podman.locate(Path.of(System.getProperty("containers.conf", "containers.conf")));
    } catch (IOException e) {
      engineMissing = "container engine not found: " + e.getMessage();
      System.err.println("OperatorImageIT skipped: " + engineMissing);
      return;
    }
    Path tar = Path.of(System.getProperty("image.tar", "target/simianviz-operator-image.tar"));
    assertThat(tar).as("the image tar the build makes in package").exists();
    String loaded = podman.check("load", "-i", tar.toString());
    String image = loaded.substring(loaded.lastIndexOf("Loaded image: ") + 14).strip();

    api = LoopbackApiServer.start();
    client = api.client();
    // The operator checks at start that its CRDs are installed.
    api.installCrd(Path.of("..", "crds", "architectures.simianviz.io-v1.yml"));
    api.installCrd(Path.of("..", "crds", "chaosexperiments.simianviz.io-v1.yml"));
    int httpPort = freeLoopbackPort();
    long started = System.nanoTime();
    container =
        podman.check(
            "run",
            "-d",
            "--name",
            "simianviz-operator-it-" + UUID.randomUUID().toString().substring(0, 8),
            "--network",
            "host",
            // The Helm chart's limits: the JVM sizes its heap from the memory limit.
            "--memory",
            "384m",
            "--cpus",
            "1",
            "--read-only",
            "--tmpfs",
            "/tmp",
            "--cap-drop",
            "ALL",
            "--security-opt",
            "no-new-privileges",
            "-v",
            api.kubeconfigDirectory() + ":/config:ro",
            "-e",
            "KUBECONFIG=/config/kubeconfig",
            "-e",
            "SIMIANVIZ_OPERATOR_LEADER_ELECTION=false",
            // On the host's network: listen on loopback only, on a port nobody else uses.
            "-e",
            "QUARKUS_HTTP_HOST=127.0.0.1",
            "-e",
            "QUARKUS_HTTP_PORT=" + httpPort,
            image);
    awaitReady(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"));
    System.out.printf(
        "operator container: podman run to /q/health/ready in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Each test reports the skip and its reason (an abort in @BeforeAll would count no test). */
  @BeforeEach
  void requireEngine() {
    Assumptions.assumeTrue(engineMissing == null, () -> engineMissing);
  }

  @AfterAll
  static void stopOperator() throws IOException {
    if (container != null) {
      podman.check("rm", "-f", "-t", "2", container);
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void createsTheObjectsOfLampAndWritesItsStatus() throws IOException {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    Architecture lamp =
        ArchitectureFiles.read(Path.of("..", "examples", "lamp.yaml")).architecture();
    lamp.getMetadata().setNamespace(NAMESPACE);
    Architecture created = client.resource(lamp).create();
    // The image's default nanoservice image is the operator's own version.
    List<HasMetadata> expected =
        ArchitectureManifests.build(created, ManifestOptions.defaults(VERSION));
    ClusterObjects cluster = new ClusterObjects(client);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(cluster.names(created))
                    .as(() -> podman.logs(container))
                    .isEqualTo(ClusterObjects.names(expected)));
    for (HasMetadata want : expected) {
      assertThat(cluster.content(client.resource(want).get()))
          .as(want.getKind() + " " + want.getMetadata().getName())
          .isEqualTo(cluster.content(want));
    }
    assertThat(cluster.deployments(NAMESPACE))
        .flatExtracting(d -> d.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getImage())
        .containsOnly("simianviz/nanoservice:" + VERSION);

    ArchitectureStatus status =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> client.resource(created).get().getStatus(),
                s ->
                    s != null
                        && created.getMetadata().getGeneration().equals(s.getObservedGeneration()));
    assertThat(status.getTiers())
        .extracting(TierStatus::getName, TierStatus::getDesired, TierStatus::getReady)
        .contains(Tuple.tuple("webserver", 18, 0), Tuple.tuple("rds-mysql", 2, 0));
    assertThat(status.getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("False");
            });
    System.out.println(
        "operator container after reconciling lamp: "
            + podman.check("top", container, "rss").lines().skip(1).findFirst().orElse("?")
            + " KiB RSS");
  }

  @Test
  void runsAsUser10001WithoutCapabilitiesOnAReadOnlyRoot() throws IOException {
    String[] top = podman.check("top", container, "huser", "capeff").split("\\R");
    assertThat(top).hasSize(2);
    String[] process = top[1].trim().split("\\s+");
    assertThat(process[0]).as("host user of the container's process").isEqualTo("10001");
    assertThat(process[1]).as("effective capabilities").isEqualTo("none");
    assertThat(podman.check("inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", container))
        .isEqualTo("true");
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitReady(URI ready) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the JVM is starting
      }
      Thread.sleep(50);
    }
    throw new AssertionError("operator not ready within 90 s:\n" + podman.logs(container));
  }
}
