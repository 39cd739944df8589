package io.simianviz.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.ChaosExperimentFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.spec.chaos.ChaosGuards;
import io.simianviz.model.spec.chaos.ChaosSpec;
import io.simianviz.model.validation.Problem;
import io.simianviz.model.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChaosExperimentValidatorTest {
  private static final String NOT_A_DURATION =
      " is not a duration (expected e.g. 500ms, 30s, 5m, 1h30m)";

  /** A spec from YAML flow-style fields, e.g. "kind: monkey, target: www". */
  static ChaosExperimentSpec spec(String fields) {
    return ChaosExperimentFiles.parse(
            "apiVersion: simianviz.io/v1alpha1\nkind: ChaosExperiment\nmetadata: {name: exp}\n"
                + "spec: {"
                + fields
                + "}\n")
        .getSpec();
  }

  private static List<String> strings(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("kind: monkey, target: www", List.of()),
        Arguments.of(
            "architectureRef: lamp, kind: gorilla, target: zoneA, region: us-east-1, mode: isolate,"
                + " duration: 1m, schedule: '0 3 * * 1-5', dryRun: true, steadyState:"
                + " {minSuccessRate: 0.9, maxP99Ms: 0, window: 5s, interval: 250ms,"
                + " failureThreshold: 1}, guards: {minHealthy: 0, maxFraction: 1}",
            List.of()),
        Arguments.of("kind: monkey, target: www, schedule: ''", List.of()),
        Arguments.of(
            "dryRun: false",
            List.of(
                "spec.kind: required (one of monkey, gorilla, kong)",
                "spec.target: required: the tier (monkey), zone (gorilla) or region (kong) to take"
                    + " down")),
        Arguments.of(
            "kind: kong, target: ' '",
            List.of(
                "spec.target: required: the tier (monkey), zone (gorilla) or region (kong) to take"
                    + " down")),
        Arguments.of(
            "kind: monkey, target: www, mode: stop",
            List.of("spec.mode: only for gorilla and kong (a monkey takes one instance down)")),
        Arguments.of(
            "kind: kong, target: us-east-1, region: us-east-1",
            List.of(
                "spec.region: only for gorilla (the zone's region); a kong's target is its region")),
        Arguments.of(
            "kind: monkey, target: www, region: us-east-1, mode: isolate",
            List.of(
                "spec.mode: only for gorilla and kong (a monkey takes one instance down)",
                "spec.region: only for gorilla (the zone's region); a kong's target is its region")),
        Arguments.of(
            "kind: monkey, target: www, duration: soon, steadyState: {window: 0s, interval: 1x}",
            List.of(
                "spec.duration: \"soon\"" + NOT_A_DURATION,
                "spec.steadyState.window: must be longer than 0",
                "spec.steadyState.interval: \"1x\"" + NOT_A_DURATION)),
        Arguments.of(
            "kind: monkey, target: www, duration: 0h0m",
            List.of("spec.duration: must be longer than 0")),
        Arguments.of(
            "kind: monkey, target: www, schedule: '60 * * * *'",
            List.of(
                "spec.schedule: \"60 * * * *\" is not a cron schedule: value 60 not in range [0,"
                    + " 59]")),
        Arguments.of(
            "kind: monkey, target: www, schedule: '0 3 * *'",
            List.of(
                "spec.schedule: \"0 3 * *\" has 4 fields; expected five fields: minute hour"
                    + " day-of-month month day-of-week, e.g. '0 3 * * 1-5'")),
        Arguments.of(
            "kind: monkey, target: www, steadyState: {minSuccessRate: 1.5, maxP99Ms: -2,"
                + " failureThreshold: 0}, guards: {minHealthy: -1, maxFraction: 1.5}",
            List.of(
                "spec.steadyState.minSuccessRate: must be between 0 and 1 (was 1.5)",
                "spec.steadyState.maxP99Ms: must not be negative (was -2)",
                "spec.steadyState.failureThreshold: must be at least 1 (was 0)",
                "spec.guards.maxFraction: must be between 0 and 1 (was 1.5)",
                "spec.guards.minHealthy: must not be negative (was -1)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void aSpecAloneHasExactlyTheseErrors(String fields, List<String> errors) {
    ValidationResult result = ChaosExperimentValidator.validate(spec(fields));
    assertThat(strings(result.errors())).containsExactlyElementsOf(errors);
    assertThat(result.warnings()).isEmpty();
  }

  static Path repositoryRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  private static LoadedArchitecture example(String name) {
    try {
      return ArchitectureFiles.read(repositoryRoot().resolve("examples").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ValidationResult against(String architecture, String fields) {
    LoadedArchitecture a = example(architecture);
    return ChaosExperimentValidator.validate(spec(fields), a.name(), a.architecture().getSpec());
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("netflixoss.yaml", "kind: gorilla, target: zoneA", List.of()),
        Arguments.of(
            "netflixoss.yaml", "kind: gorilla, target: zoneB, region: us-east-1", List.of()),
        Arguments.of("netflixoss.yaml", "kind: monkey, target: homepage", List.of()),
        Arguments.of("netflixoss-multiregion.yaml", "kind: kong, target: us-west-2", List.of()),
        Arguments.of(
            "netflixoss-multiregion.yaml",
            "kind: gorilla, target: zoneC, region: eu-west-1",
            List.of()),
        Arguments.of(
            "netflixoss.yaml",
            "kind: monkey, target: nosuch",
            List.of("spec.target: no tier nosuch in the architecture")),
        Arguments.of(
            "netflixoss.yaml",
            "kind: monkey, target: www",
            List.of(
                "spec.target: tier www is a traffic source (the users): chaos never strikes it")),
        Arguments.of(
            "netflixoss.yaml",
            "kind: gorilla, target: zoneD",
            List.of("spec.target: no zone zoneD in the architecture (zones: zoneA, zoneB, zoneC)")),
        Arguments.of(
            "netflixoss-multiregion.yaml",
            "kind: gorilla, target: zoneA",
            List.of(
                "spec.target: zone zoneA is in 3 regions (eu-west-1, us-east-1, us-west-2): set"
                    + " spec.region")),
        Arguments.of(
            "netflixoss-multiregion.yaml",
            "kind: gorilla, target: zoneA, region: ap-south-1",
            List.of(
                "spec.target: no zone zoneA in region ap-south-1 (it is in eu-west-1, us-east-1,"
                    + " us-west-2)")),
        Arguments.of(
            "netflixoss.yaml",
            "kind: kong, target: us-east-1",
            List.of(
                "spec.target: the architecture has one region: a kong would take all of it down")),
        Arguments.of(
            "netflixoss-multiregion.yaml",
            "kind: kong, target: mars",
            List.of(
                "spec.target: no region mars in the architecture (regions: eu-west-1, us-east-1,"
                    + " us-west-2)")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("targets")
  void aTargetTheArchitectureLacksIsAnError(
      String architecture, String fields, List<String> errors) {
    ValidationResult result = against(architecture, fields);
    assertThat(strings(result.errors())).containsExactlyElementsOf(errors);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void theTargetIsNotCheckedWhileTheSpecHasErrors() {
    ValidationResult result =
        against("netflixoss.yaml", "kind: monkey, target: nosuch, mode: stop");
    assertThat(strings(result.errors()))
        .containsExactly("spec.mode: only for gorilla and kong (a monkey takes one instance down)");
  }

  @Test
  void guardsThatRefuseEvenWithEveryInstanceUpAreAWarning() {
    ValidationResult gorilla =
        against("netflixoss.yaml", "kind: gorilla, target: zoneA, guards: {maxFraction: 0.1}");
    assertThat(gorilla.errors()).isEmpty();
    assertThat(strings(gorilla.warnings()))
        .containsExactly(
            "spec.guards: the experiment will be refused, even with every instance up: guard"
                + " maxFraction 0.10: 21 of 65 instances would be down");
    ValidationResult monkey = against("lamp.yaml", "kind: monkey, target: memcache");
    assertThat(strings(monkey.warnings()))
        .containsExactly(
            "spec.guards: the experiment will be refused, even with every instance up: guard"
                + " minHealthy 1: tier memcache would have fewer ready instances");
    assertThat(
            against("lamp.yaml", "kind: monkey, target: memcache, guards: {minHealthy: 0}")
                .warnings())
        .isEmpty();
  }

  @Test
  void theExperimentsGuardsOverrideTheArchitecturesOneByOne() {
    LoadedArchitecture a = example("netflixoss.yaml");
    ChaosGuards strict = new ChaosGuards();
    strict.setMaxFraction(0.1);
    a.architecture().getSpec().setChaos(new ChaosSpec());
    a.architecture().getSpec().getChaos().setGuards(strict);
    assertThat(
            ChaosExperimentValidator.validate(
                    spec("kind: gorilla, target: zoneA"), a.name(), a.architecture().getSpec())
                .warnings())
        .hasSize(1);
    assertThat(
            ChaosExperimentValidator.validate(
                    spec("kind: gorilla, target: zoneA, guards: {minHealthy: 1}"),
                    a.name(),
                    a.architecture().getSpec())
                .warnings())
        .as("minHealthy set, maxFraction still the architecture's")
        .hasSize(1);
    assertThat(
            ChaosExperimentValidator.validate(
                    spec("kind: gorilla, target: zoneA, guards: {maxFraction: 0.5}"),
                    a.name(),
                    a.architecture().getSpec())
                .warnings())
        .isEmpty();
  }

  @Test
  void anArchitectureRefNamingAnotherArchitectureIsAWarning() {
    ValidationResult result =
        against("netflixoss.yaml", "architectureRef: lamp, kind: monkey, target: homepage");
    assertThat(result.errors()).isEmpty();
    assertThat(strings(result.warnings()))
        .containsExactly(
            "spec.architectureRef: names \"lamp\", not the architecture checked against,"
                + " \"netflixoss\"");
    assertThat(
            against(
                    "netflixoss.yaml",
                    "architectureRef: netflixoss, kind: monkey, target: homepage")
                .warnings())
        .isEmpty();
  }
}
