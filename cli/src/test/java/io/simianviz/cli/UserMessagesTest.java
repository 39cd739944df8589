package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads: one plain line naming the file and the problem, and docs that tell the truth.
 */
class UserMessagesTest {
  @TempDir Path dir;

  @Test
  void theReadmesExampleErrorIsWhatValidatePrints() throws IOException {
    Path root = repositoryRoot();
    List<String> readme = Files.readAllLines(root.resolve("README.md"));
    String example =
        readme.stream()
            .filter(l -> l.startsWith("examples/invalid/unknown-dependency.yaml: "))
            .findFirst()
            .orElseThrow();
    CliRun run =
        CliRun.of("validate", root.resolve("examples/invalid/unknown-dependency.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().replace(root + "/", "")).isEqualTo(example + "\n");
  }

  @Test
  void aBinaryFileIsNamedAndCalledWhatItIs() throws IOException {
    Path binary = dir.resolve("program");
    Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xc3, (byte) 0x28});
    CliRun run = CliRun.of("validate", binary.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            binary
                + ": not a text file (not UTF-8): expected an Architecture in YAML or JSON, or"
                + " spigo JSON\n");
  }

  @Test
  void aDirectoryIsNamed() {
    CliRun run = CliRun.of("validate", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(dir + ": is a directory; expected an architecture file\n");
  }

  @Test
  void graphWarnsWhenTheCommandLinesScaleRaisesATierToOneInstance() throws IOException {
    Path lamp = repositoryRoot().resolve("examples/lamp.yaml");
    CliRun run = CliRun.of("graph", lamp.toString(), "--scale", "1");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .contains(
            lamp
                + ": warning: services[2].count: 18 at scale 1% is below one instance per region;"
                + " raised to 1");
  }

  @Test
  void versionNamesTheJavaRuntime() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("simianviz ").contains("\nJava " + Runtime.version());
  }

  private static Path repositoryRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }
}
