package io.simianviz.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.ChaosExperimentFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.validation.ChaosExperimentValidator;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.validation.ArchitectureValidator;
import io.simianviz.model.validation.Problem;
import io.simianviz.model.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ChaosExperiments of {@code examples/chaos/}: each says in its first lines which architecture
 * it is for ({@code # Architecture: examples/...}) and what verdict to expect ({@code # Expected
 * verdict: Pass|Fail|none}); each reads, validates against that architecture and names it in {@code
 * architectureRef}; the one expected to be refused is refused by a guard that validate warns of,
 * and the others are not. The catalogues of the examples in {@code examples/README.md} and {@code
 * docs/chaos.md} state the same verdict as the file.
 */
class ChaosExamplesTest {
  private static final String ARCHITECTURE = "# Architecture: ";
  private static final String VERDICT = "# Expected verdict: ";
  private static final Path ROOT = repositoryRoot();
  private static final Path CHAOS = ROOT.resolve("examples").resolve("chaos");

  private static Path repositoryRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  static Stream<Named<Path>> experiments() {
    try (Stream<Path> files = Files.list(CHAOS)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(ChaosExperimentFiles::isChaosExperiment)
          .sorted()
          .map(p -> Named.of(p.getFileName().toString(), p))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(Path file, String prefix) throws IOException {
    return Files.readAllLines(file).stream()
        .takeWhile(l -> l.startsWith("#"))
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError(file + " has no '" + prefix.strip() + "' line"));
  }

  @Test
  void theSixExperimentsOfTheIssueAreThere() {
    assertThat(experiments().map(Named::getName))
        .containsExactlyInAnyOrder(
            "fragile.yaml",
            "gorilla-zonea.yaml",
            "gorilla-zoneb-isolate.yaml",
            "kong-multiregion.yaml",
            "monkey-netflixoss.yaml",
            "refused-by-guard.yaml");
  }

  @ParameterizedTest
  @MethodSource("experiments")
  void everyExperimentValidatesAgainstItsArchitecture(Path file) throws IOException {
    LoadedArchitecture architecture =
        ArchitectureFiles.read(ROOT.resolve(header(file, ARCHITECTURE)));
    assertThat(ArchitectureValidator.validate(architecture.architecture().getSpec()).errors())
        .isEmpty();
    ChaosExperiment experiment = ChaosExperimentFiles.read(file);
    assertThat(experiment.getSpec().getArchitectureRef()).isEqualTo(architecture.name());
    ValidationResult result =
        ChaosExperimentValidator.validate(
            experiment.getSpec(), architecture.name(), architecture.architecture().getSpec());
    assertThat(result.errors()).as("errors of %s", file).isEmpty();
    String verdict = header(file, VERDICT);
    List<String> warnings = result.warnings().stream().map(Problem::toString).toList();
    if (verdict.startsWith("none")) {
      String refusal = "spec.guards: the experiment will be refused, even with every instance up: ";
      assertThat(warnings).singleElement().asString().startsWith(refusal);
      assertThat(Files.readString(file))
          .as("%s quotes the reason", file)
          .contains("#   " + warnings.getFirst().substring(refusal.length()) + "\n");
    } else {
      assertThat(verdict).matches("(Pass|Fail)\\b.*");
      assertThat(warnings).as("warnings of %s", file).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("experiments")
  void theCataloguesStateTheFilesVerdict(Path file) throws IOException {
    String verdict = header(file, VERDICT);
    // A refused experiment has no verdict; the catalogues name its phase instead.
    String expected = verdict.startsWith("none") ? "Refused" : verdict.replaceFirst("\\W.*", "");
    for (Path catalogue :
        List.of(ROOT.resolve("examples").resolve("README.md"), ROOT.resolve("docs/chaos.md"))) {
      String row = "| `" + file.getFileName() + "` |";
      List<String> rows =
          Files.readAllLines(catalogue).stream().filter(l -> l.startsWith(row)).toList();
      assertThat(rows).as("rows for %s in %s", file.getFileName(), catalogue).hasSize(1);
      String cells = rows.getFirst().substring(0, rows.getFirst().lastIndexOf('|'));
      assertThat(cells.substring(cells.lastIndexOf('|') + 1).strip())
          .as("the expected verdict of %s in %s", file.getFileName(), catalogue)
          .startsWith(expected);
    }
  }

  /**
   * `simianviz run FILE --duration 60s --experiment EXP` must see the verdict within its minute.
   */
  @ParameterizedTest
  @MethodSource("experiments")
  void everyExperimentEndsWellWithinAMinuteRun(Path file) throws IOException {
    ExperimentSettings settings = ExperimentSettings.of(ChaosExperimentFiles.read(file).getSpec());
    assertThat(settings.plannedLength()).isLessThanOrEqualTo(Duration.ofSeconds(40));
  }
}
