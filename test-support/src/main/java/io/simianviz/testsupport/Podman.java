package io.simianviz.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line, as the container image tests of every module use it. The CLI rather than
 * testcontainers: the tests need {@code podman load} of a tar, a network with aliases, {@code
 * podman top} and {@code logs}, all one command each, with no Docker API service to start and stop.
 *
 * <p>Podman reads {@code CONTAINERS_CONF}; when it is unset the tests use the project's
 * containers.conf (runc, cgroupfs: what works on the build machines, see .ci/run).
 */
public final class Podman {
  /** The outcome of one podman command. */
  public record Result(int exitCode, String out, String err) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private static final long TIMEOUT_SECONDS = 120;
  private final Path containersConf;

  private Podman(Path containersConf) {
    this.containersConf = containersConf;
  }

  /**
   * Finds podman and checks that it runs ({@code podman version}).
   *
   * @param defaultConf the containers.conf to use when {@code CONTAINERS_CONF} is unset
   * @throws IOException saying why podman cannot be run
   */
  public static Podman locate(Path defaultConf) throws IOException {
    String fromEnv = System.getenv("CONTAINERS_CONF");
    Podman podman =
        new Podman(fromEnv == null || fromEnv.isBlank() ? defaultConf : Path.of(fromEnv));
    Result version;
    try {
      version = podman.run("version", "--format", "{{.Client.Version}}");
    } catch (IOException e) {
      throw new IOException("podman cannot be run (" + e.getMessage() + ")", e);
    }
    if (!version.ok()) {
      throw new IOException("podman version failed: " + version.err().strip());
    }
    return podman;
  }

  /** Runs podman with these arguments; never throws on a non-zero exit. */
  public Result run(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("CONTAINERS_CONF", containersConf.toString());
    Path out = Files.createTempFile("podman", ".out");
    Path err = Files.createTempFile("podman", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "podman " + String.join(" ", args) + " still running after " + TIMEOUT_SECONDS + " s");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: podman " + String.join(" ", args), e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs podman and returns its trimmed output; throws with its error output when it fails. */
  public String check(String... args) throws IOException {
    Result result = run(args);
    if (!result.ok()) {
      throw new IOException(
          "podman "
              + String.join(" ", args)
              + " exited "
              + result.exitCode()
              + ": "
              + result.err().strip());
    }
    return result.out().strip();
  }

  /** A container's output so far, stdout then stderr, for failure messages; never throws. */
  public String logs(String container) {
    try {
      Result result = run("logs", container);
      return result.out() + result.err();
    } catch (IOException e) {
      return "(no logs: " + e.getMessage() + ")";
    }
  }
}
