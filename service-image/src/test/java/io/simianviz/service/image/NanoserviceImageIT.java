package io.simianviz.service.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.testsupport.Podman;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The image the build made (target/simianviz-service-image.tar), run with podman as a pod runs it:
 * read-only root filesystem, /tmp a tmpfs, every capability dropped, no privilege escalation. A
 * karyon finds a store by its per-zone Service name, here a network alias on a network of the
 * test's own, and only the karyon's port is published, on loopback. Skipped when no container
 * engine is installed.
 */
class NanoserviceImageIT {
  private static final String ARCH = "it";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Podman podman;
  private static String engineMissing;
  private static final List<String> containers = new ArrayList<>();
  private static String network;
  private static Path flows;
  private static String store;
  private static URI karyon;

  @BeforeAll
  static void startStoreAndKaryon() throws Exception {
    try {
      podman = Podman.locate(resource("containers.conf"));
    } catch (IOException e) {
      engineMissing = "container engine not found: " + e.getMessage();
      System.err.println("NanoserviceImageIT skipped: " + engineMissing);
      return;
    }
    Path tar = Path.of(System.getProperty("image.tar", "target/simianviz-service-image.tar"));
    assertThat(tar).as("the image tar the build makes in package").exists();
    String loaded = podman.check("load", "-i", tar.toString());
    String image = loaded.substring(loaded.lastIndexOf("Loaded image: ") + 14).strip();

    String run = UUID.randomUUID().toString().substring(0, 8);
    network = podman.check("network", "create", "simianviz-it-" + run);
    flows = Files.createTempDirectory("simianviz-it-flows");
    Files.setPosixFilePermissions(flows, PosixFilePermissions.fromString("rwxrwxrwx"));

    store =
        start(
            image,
            "store-" + run,
            List.of("--network-alias", ARCH + "-store-zone-a", "-v", flows + ":/flows"),
            List.of(
                "SIMIANVIZ_TIER=store",
                "SIMIANVIZ_PACKAGE=store",
                "SIMIANVIZ_FLOW_FILE=/flows/store.txt",
                // Fail instead of starting slowly when the build's class archive does not match.
                "JAVA_TOOL_OPTIONS=" + archiveRequired()));
    URI storeUri = publishedUri(store);
    awaitReady(storeUri, store);
    long started = System.nanoTime();
    String karyonContainer =
        start(
            image,
            "karyon-" + run,
            List.of(),
            List.of(
                "SIMIANVIZ_TIER=karyon",
                "SIMIANVIZ_PACKAGE=karyon",
                "SIMIANVIZ_DEPENDENCIES=store=store:http",
                "SIMIANVIZ_DISCOVERY=store/us-east-1/zoneA=" + ARCH + "-store-zone-a"));
    karyon = publishedUri(karyonContainer);
    awaitReady(karyon, karyonContainer);
    System.out.printf(
        "karyon container: podman run to /health/ready in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Each test reports the skip and its reason (an abort in @BeforeAll would count no test). */
  @BeforeEach
  void requireEngine() {
    Assumptions.assumeTrue(engineMissing == null, () -> engineMissing);
  }

  @AfterAll
  static void removeContainersAndNetwork() throws IOException {
    if (podman == null) {
      return;
    }
    for (String container : containers) {
      podman.run("rm", "-f", "-t", "2", container);
    }
    if (network != null) {
      podman.run("network", "rm", "-f", network);
    }
  }

  @Test
  void requestThroughKaryonIsAnsweredByStoreInTheSameTrace() throws Exception {
    String parentSpan = "00f067aa0ba902b7";
    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(karyon.resolve("/request"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"op\":\"PUT\",\"key\":\"image-it\",\"value\":\"42\"}")));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    HttpResponse<String> get =
        send(
            HttpRequest.newBuilder(karyon.resolve("/request?key=image-it"))
                .header("traceparent", "00-" + TRACE_ID + "-" + parentSpan + "-01")
                .GET());

    assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
    JsonObject reply = new JsonObject(get.body());
    assertThat(reply.getString("tier")).isEqualTo("store");
    assertThat(reply.getString("value")).isEqualTo("42");
    assertThat(reply.getString("instance")).isEqualTo(hostname(store));
    // The store's span of this request carries the caller's trace id (flow lines are flushed
    // every second): the karyon continued the trace it was given.
    String flow = awaitFlowLine("t" + TRACE_ID);
    assertThat(flow).startsWith(hostname(store) + " ").doesNotContain("p" + parentSpan + "s");
  }

  @Test
  void runsAsNonRootWithoutCapabilities() throws IOException {
    String[] top = podman.check("top", store, "huser", "capeff").split("\\R");
    assertThat(top).hasSize(2);
    String[] process = top[1].trim().split("\\s+");
    assertThat(process[0]).as("host user of the container's process").isEqualTo("10001");
    assertThat(process[1]).as("effective capabilities").isEqualTo("none");
    assertThat(podman.check("inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", store))
        .isEqualTo("true");
  }

  private static String start(String image, String name, List<String> opts, List<String> env)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "-d",
                "--name",
                "simianviz-it-" + name,
                "--network",
                network,
                "--read-only",
                "--tmpfs",
                "/tmp",
                "--cap-drop",
                "ALL",
                "--security-opt",
                "no-new-privileges",
                "-p",
                "127.0.0.1::8080",
                "-e",
                "SIMIANVIZ_ARCH=" + ARCH,
                "-e",
                "SIMIANVIZ_ZONE=zoneA"));
    args.addAll(opts);
    env.forEach(e -> args.addAll(List.of("-e", e)));
    args.add(image);
    String id = podman.check(args.toArray(String[]::new));
    containers.add(id);
    return id;
  }

  private static URI publishedUri(String container) throws IOException {
    String hostPort = podman.check("port", container, "8080/tcp").lines().findFirst().orElseThrow();
    return URI.create("http://" + hostPort);
  }

  private static void awaitReady(URI base, String container) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (send(HttpRequest.newBuilder(base.resolve("/health/ready")).GET()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the JVM is starting
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not ready within 60 s: " + container + "\n" + podman.logs(container));
  }

  private static String awaitFlowLine(String marker) throws Exception {
    Path file = flows.resolve("store.txt");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file)) {
          if (line.contains(marker)) {
            return line;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no flow line with " + marker + " in " + file);
  }

  private static String hostname(String container) throws IOException {
    return podman.check("inspect", "-f", "{{.Config.Hostname}}", container);
  }

  /** The flag that turns a class archive the JVM cannot use into a start failure. */
  private static String archiveRequired() throws IOException {
    Path args = Path.of(System.getProperty("image.root", "target/image-root"), "opt/simianviz");
    return Files.readString(args.resolve("jvm.args")).contains("-XX:AOTCache=")
        ? "-XX:AOTMode=on"
        : "-Xshare:on";
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(NanoserviceImageIT.class.getClassLoader().getResource(name).toURI());
  }
}
