package io.simianviz.operator.image;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * A Kubernetes API server for a container on the host's network: the fabric8 mock server in CRUD
 * mode with {@link ServerSideApplyDispatcher} in front, plain HTTP on 127.0.0.1, and a kubeconfig
 * that points at it in a directory the container can mount and its user 10001 can read.
 */
public final class LoopbackApiServer implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Path kubeconfigDirectory;

  private LoopbackApiServer(KubernetesMockServer server, Path kubeconfigDirectory) {
    this.server = server;
    this.client = server.createClient();
    this.kubeconfigDirectory = kubeconfigDirectory;
  }

  /** Starts the server on an ephemeral loopback port and writes its kubeconfig. */
  public static LoopbackApiServer start() throws IOException {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new ServerSideApplyDispatcher(new KubernetesMixedDispatcher(responses)),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    Path directory = Files.createTempDirectory("simianviz-kubeconfig");
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path kubeconfig = directory.resolve("kubeconfig");
    Files.writeString(kubeconfig, kubeconfig("http://127.0.0.1:" + server.getPort()));
    Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-r--r--"));
    return new LoopbackApiServer(server, directory);
  }

  /** Installs a CRD from a YAML file, as {@code kubectl apply -f} would. */
  public void installCrd(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      client
          .resource(
              client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class))
          .create();
    }
  }

  public KubernetesClient client() {
    return client;
  }

  /** The directory holding {@code kubeconfig}, to mount read-only into the container. */
  public Path kubeconfigDirectory() {
    return kubeconfigDirectory;
  }

  @Override
  public void close() throws IOException {
    client.close();
    server.destroy();
    Files.deleteIfExists(kubeconfigDirectory.resolve("kubeconfig"));
    Files.deleteIfExists(kubeconfigDirectory);
  }

  private static String kubeconfig(String url) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: loopback
            cluster:
              server: %s
        users:
          - name: operator
            user:
              token: not-checked
        contexts:
          - name: loopback
            context:
              cluster: loopback
              user: operator
        current-context: loopback
        """
        .formatted(url);
  }
}
