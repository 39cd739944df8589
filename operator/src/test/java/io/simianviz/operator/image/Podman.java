package io.simianviz.operator.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line, as the operator's container test uses it: load a tar, run a container,
 * read its logs and processes. The CLI rather than testcontainers: each is one command, with no
 * Docker API service to start and stop.
 *
 * <p>Podman reads {@code CONTAINERS_CONF}; when it is unset the test passes the project's
 * containers.conf (runc, cgroupfs: what works on the build machines, see .ci/run).
 */
public final class Podman {
  private static final long TIMEOUT_SECONDS = 120;
  private final Path containersConf;

  private Podman(Path containersConf) {
    this.containersConf = containersConf;
  }

  /**
   * @param defaultConf the containers.conf to use when {@code CONTAINERS_CONF} is unset
   * @throws IOException saying why podman cannot be run
   */
  public static Podman locate(Path defaultConf) throws IOException {
    String fromEnv = System.getenv("CONTAINERS_CONF");
    Podman podman =
        new Podman(fromEnv == null || fromEnv.isBlank() ? defaultConf : Path.of(fromEnv));
    String[] version = {"version", "--format", "{{.Client.Version}}"};
    try {
      podman.check(version);
    } catch (IOException e) {
      throw new IOException("podman cannot be run (" + e.getMessage() + ")", e);
    }
    return podman;
  }

  /** Runs podman and returns its trimmed output; throws with its error output when it fails. */
  public String check(String... args) throws IOException {
    return run(false, args);
  }

  /** A container's output so far, stdout and stderr interleaved, for failure messages. */
  public String logs(String container) {
    try {
      return run(true, "logs", container);
    } catch (IOException e) {
      return "(no logs: " + e.getMessage() + ")";
    }
  }

  private String run(boolean mergeErrors, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(mergeErrors);
    builder.environment().put("CONTAINERS_CONF", containersConf.toString());
    Path out = Files.createTempFile("podman", ".out");
    Path err = Files.createTempFile("podman", ".err");
    try {
      builder.redirectOutput(out.toFile());
      if (!mergeErrors) {
        builder.redirectError(err.toFile());
      }
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "podman " + String.join(" ", args) + " still running after " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            "podman "
                + String.join(" ", args)
                + " exited "
                + process.exitValue()
                + ": "
                + Files.readString(err, StandardCharsets.UTF_8).strip());
      }
      return Files.readString(out, StandardCharsets.UTF_8).strip();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: podman " + String.join(" ", args), e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
