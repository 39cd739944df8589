package io.simianviz.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples against what the API server admits (see {@link CrdAdmission}): every Architecture in
 * {@code examples/} passes the CRD's schema and CEL rules, and so does every ChaosExperiment the
 * ChaosExperiment CRD's; every file in {@code examples/invalid/} is either rejected with the errors
 * listed here or listed as one that only {@code simianviz validate} (and so the operator's {@code
 * InvalidSpec}) can tell, with why.
 */
class CrdAdmissionExamplesTest {
  private static final CrdAdmission ADMISSION = CrdAdmission.load();
  private static final CrdAdmission CHAOS_ADMISSION =
      CrdAdmission.load(CrdAdmission.CHAOS_CRD_FILE);
  private static final Path EXAMPLES = CrdAdmission.repositoryRoot().resolve("examples");
  private static final String NOT_CHECKED = ": " + CrdAdmission.RULES_NOT_CHECKED;

  private static final String EVERY_DEPENDENCY =
      "services: every dependency must name a tier of this architecture, or be eureka";

  /** What admission reports for each invalid example that the schema or a CEL rule can tell. */
  private static final Map<String, List<String>> REJECTED =
      Map.ofEntries(
          Map.entry("bad-monkey-interval.yaml", List.of("chaos.monkey.interval: pattern")),
          Map.entry("bad-protocol.yaml", List.of(NOT_CHECKED, "services[0].protocol: enum")),
          Map.entry(
              "bad-service-time.yaml",
              List.of(
                  "services[0].serviceTime: pattern",
                  "services[1].serviceTime: lognormal needs 0 < p50 <= p99",
                  "services[2].serviceTime: pattern")),
          Map.entry(
              "bad-tier-names.yaml",
              List.of(
                  "services[3].dependencies: must be tier names (none empty)",
                  "services[0].name: pattern",
                  "services[1].name: pattern",
                  "services[2].name: pattern")),
          Map.entry(
              "bad-traffic.yaml",
              List.of(
                  "traffic.mix: get and put weights must add up to more than 0",
                  "traffic.rate: minimum")),
          Map.entry(
              "denominator-dependency.yaml",
              List.of("services: no tier may depend on a traffic source (a denominator tier)")),
          Map.entry("duplicate-tier.yaml", List.of("services: tier names must be unique")),
          Map.entry("error-rate-above-one.yaml", List.of("services[1].errorRate: maximum")),
          Map.entry(
              "long-tier-name.yaml",
              List.of(
                  "services[0].name: must map to a DNS label of at most 63 characters (its"
                      + " lower-case kebab form: cassSubscriber becomes cass-subscriber)")),
          Map.entry("negative-count.yaml", List.of("services[0].count: minimum")),
          Map.entry("negative-regions.yaml", List.of("services[1].regions: minimum")),
          Map.entry("no-tiers.yaml", List.of("services: minItems")),
          Map.entry(
              "region-count-too-high.yaml",
              List.of(
                  "regionCount: regionCount must not exceed the number of regionNames (six when"
                      + " none are given)")),
          Map.entry("services-missing.yaml", List.of(NOT_CHECKED, "services: required")),
          Map.entry(
              "tier-regions-too-many.yaml",
              List.of(
                  "services: no tier may span more regions (regions x regionCount) than there"
                      + " are regionNames")),
          Map.entry("unknown-dependency.yaml", List.of(EVERY_DEPENDENCY)),
          Map.entry("unknown-field.yaml", List.of("services[1].replicas: additionalProperties")),
          Map.entry("unknown-package.yaml", List.of(NOT_CHECKED, "services[0].package: enum")),
          Map.entry(
              "unknown-victim.yaml",
              List.of(
                  "chaos.monkey.victim: chaos.monkey.victim must name a tier",
                  "victim: victim must name a tier")));

  /** Invalid examples that the CRD's schema admits, and why it cannot tell. */
  private static final Map<String, String> ONLY_VALIDATE_TELLS =
      Map.of(
          "name-collision.yaml",
          "two tier names that map to the same object name: comparing kebab forms needs a regex"
              + " replace, which Kubernetes' CEL does not have",
          "bad-metadata-name.yaml",
          "metadata.name is checked by the API server itself, not by the CRD's schema (it rejects"
              + " this one too: a name must be a lower-case DNS subdomain, though one with dots"
              + " or over 63 characters passes there and fails simianviz validate)");

  /**
   * Invalid examples that never reach this schema: the API server routes a resource by apiVersion
   * and kind, and the CRD serves only Architecture in simianviz.io/v1alpha1.
   */
  private static final Set<String> NOT_AN_ARCHITECTURE =
      Set.of("wrong-kind.yaml", "wrong-api-version.yaml");

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

  private static boolean isKind(Path file, String kind) {
    return kind.equals(CrdAdmission.readYaml(file).path("kind").asText());
  }

  /**
   * Every Architecture resource in examples/, migration/ and chaos/ included (spigo/ holds spigo's
   * JSON): every valid YAML file but the ChaosExperiments.
   */
  static Stream<Named<Path>> validExamples() {
    return yamlFiles(EXAMPLES).stream()
        .filter(p -> !EXAMPLES.relativize(p).startsWith("invalid"))
        .filter(p -> !isKind(p, "ChaosExperiment"))
        .map(CrdAdmissionExamplesTest::named);
  }

  /** Every ChaosExperiment resource in examples/. */
  static Stream<Named<Path>> chaosExamples() {
    return yamlFiles(EXAMPLES).stream()
        .filter(p -> isKind(p, "ChaosExperiment"))
        .map(CrdAdmissionExamplesTest::named);
  }

  static Stream<Named<Path>> invalidExamples() {
    return yamlFiles(EXAMPLES.resolve("invalid")).stream().map(CrdAdmissionExamplesTest::named);
  }

  @Test
  void theValidExamplesIncludeTheMigrationSteps() {
    assertThat(validExamples().map(Named::getName))
        .contains(
            "lamp.yaml",
            "netflixoss.yaml",
            "migration/step0.yaml",
            "migration/step9.yaml",
            "chaos/fragile-architecture.yaml")
        .hasSizeGreaterThanOrEqualTo(15);
    assertThat(chaosExamples().map(Named::getName))
        .contains("chaos/gorilla-zonea.yaml", "chaos/refused-by-guard.yaml")
        .hasSizeGreaterThanOrEqualTo(6);
  }

  @ParameterizedTest
  @MethodSource("chaosExamples")
  void everyChaosExperimentExampleIsAdmitted(Path file) {
    assertThat(CHAOS_ADMISSION.check(CrdAdmission.readYaml(file)))
        .as("admission errors of %s", file)
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("validExamples")
  void everyExampleIsAdmitted(Path file) {
    JsonNode resource = CrdAdmission.readYaml(file);
    assertThat(resource.path("kind").asText()).isEqualTo("Architecture");
    assertThat(ADMISSION.check(resource)).as("admission errors of %s", file).isEmpty();
  }

  @Test
  void everyInvalidExampleIsClassified() {
    List<String> names =
        invalidExamples().map(n -> n.getPayload().getFileName().toString()).toList();
    List<String> classified =
        Stream.of(REJECTED.keySet(), ONLY_VALIDATE_TELLS.keySet(), NOT_AN_ARCHITECTURE)
            .flatMap(Set::stream)
            .toList();
    assertThat(classified).doesNotHaveDuplicates();
    assertThat(names)
        .as(
            "every file in examples/invalid/ is REJECTED, ONLY_VALIDATE_TELLS or NOT_AN_ARCHITECTURE")
        .containsExactlyInAnyOrderElementsOf(classified);
  }

  @ParameterizedTest
  @MethodSource("invalidExamples")
  void everyInvalidExampleTheSchemaCanTellIsRejectedForItsReason(Path file) {
    String name = file.getFileName().toString();
    JsonNode resource = CrdAdmission.readYaml(file);
    if (NOT_AN_ARCHITECTURE.contains(name)) {
      assertThat(resource.path("apiVersion").asText() + " " + resource.path("kind").asText())
          .isNotEqualTo("simianviz.io/" + CrdAdmission.VERSION + " Architecture");
      return;
    }
    List<String> errors = ADMISSION.check(resource);
    if (ONLY_VALIDATE_TELLS.containsKey(name)) {
      assertThat(errors).as("%s: %s", name, ONLY_VALIDATE_TELLS.get(name)).isEmpty();
    } else {
      assertThat(errors)
          .as("admission errors of %s", name)
          .containsExactlyInAnyOrderElementsOf(REJECTED.getOrDefault(name, List.of("?")));
    }
  }
}
