package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run DIR --step-every} and {@code run FILE --watch}: what is refused before any start. */
class RunVersionsOptionTest {
  @TempDir Path dir;

  private Path version(String file, String name, String services) throws IOException {
    Path f = dir.resolve(file);
    Files.writeString(
        f,
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: %s}
        spec:
          services:
        """
                .formatted(name)
            + services.indent(4));
    return f;
  }

  private static final String DB_WEB =
      """
      - {name: db, package: store, count: 2, regions: 1}
      - {name: web, package: karyon, count: 3, regions: 1, dependencies: [db]}
      - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
      """;

  @Test
  void everyBadFileOfAFolderIsOneLineNamingItBeforeAnythingStarts() throws IOException {
    version("a.yaml", "shop", DB_WEB);
    Path b = version("b.yaml", "shop", DB_WEB.replace("count: 3", "count: -1"));
    Path c = version("c.yaml", "shop", DB_WEB.replace("package: karyon", "package: nope"));
    CliRun r = CliRun.of("run", dir.toString(), "--step-every", "2s", "--no-ui");
    assertThat(r.exitCode()).isEqualTo(Simianviz.INVALID_INPUT);
    assertThat(r.err()).contains(b.toString(), c.toString()).doesNotContain("Exception");
    assertThat(r.err().lines()).allMatch(l -> l.startsWith(dir.toString()));
    assertThat(r.out()).doesNotContain("instances up");
  }

  @Test
  void theFilesOfAFolderMustBeOneArchitecture() throws IOException {
    version("a.yaml", "shop", DB_WEB);
    Path b = version("b.yaml", "store", DB_WEB);
    CliRun r = CliRun.of("run", dir.toString(), "--no-ui");
    assertThat(r.exitCode()).isEqualTo(Simianviz.INVALID_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith(b + ": metadata.name").contains("\"store\"", "\"shop\"");
  }

  @Test
  void aVersionThatRemovesATierStillCalledIsRefusedNamingItsFile() throws IOException {
    version("a.yaml", "shop", DB_WEB);
    Path b =
        version(
            "b.yaml",
            "shop",
            """
            - {name: web, package: karyon, count: 3, regions: 1, dependencies: [db]}
            - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
            """);
    CliRun r = CliRun.of("run", dir.toString(), "--no-ui");
    assertThat(r.exitCode()).isEqualTo(Simianviz.INVALID_INPUT);
    assertThat(r.err()).startsWith(b + ": services[0].dependencies[0]").contains("removed");
  }

  @Test
  void watchTakesAFileAndStepEveryAFolder() throws IOException {
    Path a = version("a.yaml", "shop", DB_WEB);
    assertThat(CliRun.of("run", dir.toString(), "--watch").err()).contains("--watch");
    assertThat(CliRun.of("run", a.toString(), "--step-every", "2s").err()).contains("--step-every");
  }

  @Test
  void aBadSaveOfAWatchedFileIsOneLineNamingTheFile() throws Exception {
    Path a = version("a.yaml", "shop", DB_WEB);
    var running = io.simianviz.api.io.ArchitectureFiles.read(a).architecture().getSpec();
    var loader = Versions.loader(io.simianviz.model.topology.ExpansionOptions.NONE);
    assertThat(loader.load(a, running).loaded().name()).isEqualTo("shop");

    version(
        "a.yaml", "shop", DB_WEB.replace("count: 3", "count: -1").replace("count: 2", "count: -2"));
    var bad = org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(a, running));
    assertThat(bad).isInstanceOf(io.simianviz.local.evolution.VersionLoader.Rejected.class);
    assertThat(bad.getMessage()).startsWith(a + ": services[").doesNotContain("\n");

    version(
        "a.yaml",
        "shop",
        """
        - {name: web, package: karyon, count: 3, regions: 1, dependencies: [db]}
        - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
        """);
    var removed = org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(a, running));
    assertThat(removed.getMessage())
        .startsWith(a + ": services[0].dependencies[0]")
        .contains("removed in this version");
  }
}
