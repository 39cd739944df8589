package io.simianviz.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples against what the API server admits (see {@link CrdAdmission}): every Architecture in
 * {@code examples/} passes the CRD's schema and CEL rules; every file in {@code examples/invalid/}
 * is either rejected with the errors listed here or listed as one that only {@code simianviz
 * validate} (and so the operator's {@code InvalidSpec}) can tell, with why.
 */
class CrdAdmissionExamplesTest {
  private static final CrdAdmission ADMISSION = CrdAdmission.load();
  private static final Path EXAMPLES = CrdAdmission.repositoryRoot().resolve("examples");

  private static Named<Path> named(Path p) {
    return Named.of(EXAMPLES.relativize(p).toString().replace('\\', '/'), p);
  }

  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every Architecture resource in examples/, migration/ included (spigo/ holds spigo's JSON). */
  static Stream<Named<Path>> validExamples() {
    return yamlFiles(EXAMPLES).stream()
        .filter(p -> !EXAMPLES.relativize(p).startsWith("invalid"))
        .map(CrdAdmissionExamplesTest::named);
  }

  @Test
  void theValidExamplesIncludeTheMigrationSteps() {
    assertThat(validExamples().map(Named::getName))
        .contains("lamp.yaml", "netflixoss.yaml", "migration/step0.yaml", "migration/step9.yaml")
        .hasSizeGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest
  @MethodSource("validExamples")
  void everyExampleIsAdmitted(Path file) {
    JsonNode resource = CrdAdmission.readYaml(file);
    assertThat(resource.path("kind").asText()).isEqualTo("Architecture");
    assertThat(ADMISSION.check(resource)).as("admission errors of %s", file).isEmpty();
  }
}
