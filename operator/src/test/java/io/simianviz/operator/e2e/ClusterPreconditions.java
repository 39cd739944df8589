package io.simianviz.operator.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * What a real-cluster test needs, checked before anything starts, each missing piece skipping the
 * test with a sentence saying what is missing: a Docker-compatible engine, the rancher/k3s image
 * (present, or pulling explicitly allowed), and the two images built as tar files.
 */
final class ClusterPreconditions {
  static final DockerImageName K3S = DockerImageName.parse("rancher/k3s:v1.31.4-k3s1");

  /** Set to true where the engine may pull rancher/k3s from Docker Hub. */
  static final String ALLOW_PULL = "SIMIANVIZ_E2E_PULL";

  private ClusterPreconditions() {}

  static void assumeAll(Path operatorImage, Path nanoserviceImage) {
    require(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker-compatible container engine is reachable (DOCKER_HOST or"
            + " /var/run/docker.sock), so no k3s cluster can run here");
    require(
        "true".equals(System.getenv(ALLOW_PULL)) || imagePresent(K3S),
        "image "
            + K3S
            + " is not present and pulling it is not allowed (set "
            + ALLOW_PULL
            + "=true where Docker Hub is reachable)");
    for (Path image : new Path[] {operatorImage, nanoserviceImage}) {
      require(
          Files.isRegularFile(image),
          "image tar "
              + image.toAbsolutePath().normalize()
              + " is missing (build the operator and nanoservice images first)");
    }
  }

  /** Skips the test when the condition does not hold, saying so in the build output too. */
  private static void require(boolean holds, String missing) {
    if (!holds) {
      System.err.println("SKIPPED ArchitectureE2E: " + missing);
    }
    assumeTrue(holds, "ArchitectureE2E skipped: " + missing);
  }

  private static boolean imagePresent(DockerImageName image) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image.asCanonicalNameString()).exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
