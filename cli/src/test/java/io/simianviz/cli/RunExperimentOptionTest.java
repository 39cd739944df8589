package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --experiment}: what is refused before anything starts, one line each. */
class RunExperimentOptionTest {
  private static final Path NETFLIXOSS = Path.of("../examples/netflixoss.yaml");

  @TempDir Path dir;

  private Path experiment(String spec) throws IOException {
    Path file = dir.resolve("exp.yaml");
    Files.writeString(
        file,
        """
        apiVersion: simianviz.io/v1alpha1
        kind: ChaosExperiment
        metadata: {name: exp}
        spec:
        """
            + spec.indent(2));
    return file;
  }

  @Test
  void aBadFieldIsOneLineNamingFileAndField() throws IOException {
    Path file = experiment("kind: gorilla\ntarget: zoneA\nduration: soon\n");
    CliRun r = CliRun.of("run", NETFLIXOSS.toString(), "--experiment", file.toString());
    assertThat(r.exitCode()).isEqualTo(Simianviz.INVALID_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith(file + ": spec.duration").doesNotContain("Exception");
  }

  @Test
  void aTargetTheArchitectureLacksIsRefusedBeforeTheRun() throws IOException {
    Path file = experiment("kind: gorilla\ntarget: zoneQ\n");
    CliRun r = CliRun.of("run", NETFLIXOSS.toString(), "--experiment", file.toString());
    assertThat(r.exitCode()).isEqualTo(Simianviz.INVALID_INPUT);
    assertThat(r.err()).startsWith(file + ": spec.target").contains("zoneQ");
    assertThat(r.out()).doesNotContain("instances up");
  }

  @Test
  void anotherArchitecturesExperimentIsRefused() throws IOException {
    Path file = experiment("architectureRef: lamp\nkind: monkey\ntarget: homepage\n");
    CliRun r = CliRun.of("run", NETFLIXOSS.toString(), "--experiment", file.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains(file.toString(), "spec.architectureRef", "lamp");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aMissingFileIsOneLine() {
    CliRun r = CliRun.of("run", NETFLIXOSS.toString(), "--experiment", dir + "/none.yaml");
    assertThat(r.exitCode()).isEqualTo(Simianviz.INVALID_INPUT);
    assertThat(r.err()).contains("none.yaml").doesNotContain("Exception");
  }
}
