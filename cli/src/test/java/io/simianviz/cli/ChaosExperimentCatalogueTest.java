package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code simianviz validate} on ChaosExperiment files: bad input of every kind gets exit 1 and
 * exactly these lines, each naming the file and the field, never a stack trace; with {@code
 * --architecture} the target is checked against the architecture.
 */
class ChaosExperimentCatalogueTest {
  private static final String HEAD =
      "apiVersion: simianviz.io/v1alpha1\nkind: ChaosExperiment\nmetadata: {name: exp}\n";
  private static final String NOT_A_DURATION =
      " is not a duration (expected e.g. 500ms, 30s, 5m, 1h30m)";

  @TempDir static Path dir;

  private static Path repositoryRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  private static final Path EXAMPLES = repositoryRoot().resolve("examples");

  /** A file's content and every line validate must print on stderr for it, without "FILE: ". */
  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of(
            "unknown kind",
            HEAD + "spec: {kind: chimp, target: www}\n",
            List.of(
                "spec.kind: \"chimp\" is not a valid value (expected one of monkey, gorilla,"
                    + " kong)")),
        Arguments.of(
            "unknown mode",
            HEAD + "spec: {kind: gorilla, target: zoneA, mode: pause}\n",
            List.of("spec.mode: \"pause\" is not a valid value (expected one of stop, isolate)")),
        Arguments.of(
            "wrong type",
            HEAD + "spec: {kind: monkey, target: www, steadyState: {failureThreshold: many}}\n",
            List.of("spec.steadyState.failureThreshold: \"many\" is not a valid whole number")),
        Arguments.of(
            "unknown field",
            HEAD + "spec: {kind: monkey, target: www, victim: www}\n",
            List.of("spec.victim: unknown field")),
        Arguments.of(
            "wrong apiVersion",
            HEAD.replace("simianviz.io/v1alpha1", "v1") + "spec: {kind: monkey, target: www}\n",
            List.of("apiVersion: expected simianviz.io/v1alpha1, got \"v1\"")),
        Arguments.of("no spec", HEAD, List.of("spec: required")),
        Arguments.of(
            "no kind, no target",
            HEAD + "spec: {dryRun: true}\n",
            List.of(
                "spec.kind: required (one of monkey, gorilla, kong)",
                "spec.target: required: the tier (monkey), zone (gorilla) or region (kong) to take"
                    + " down")),
        Arguments.of(
            "mode on a monkey, region on a kong",
            HEAD + "spec: {kind: monkey, target: www, mode: stop}\n",
            List.of("spec.mode: only for gorilla and kong (a monkey takes one instance down)")),
        Arguments.of(
            "region on a kong",
            HEAD + "spec: {kind: kong, target: us-east-1, region: us-east-1}\n",
            List.of(
                "spec.region: only for gorilla (the zone's region); a kong's target is its"
                    + " region")),
        Arguments.of(
            "bad durations",
            HEAD
                + "spec: {kind: monkey, target: www, duration: 0s, steadyState: {window: 10,"
                + " interval: 1x}}\n",
            List.of(
                "spec.duration: must be longer than 0",
                "spec.steadyState.window: \"10\"" + NOT_A_DURATION,
                "spec.steadyState.interval: \"1x\"" + NOT_A_DURATION)),
        Arguments.of(
            "a schedule of six fields",
            HEAD + "spec: {kind: monkey, target: www, schedule: '0 0 3 * * 1'}\n",
            List.of(
                "spec.schedule: \"0 0 3 * * 1\" has 6 fields; expected five fields: minute hour"
                    + " day-of-month month day-of-week, e.g. '0 3 * * 1-5'")),
        Arguments.of(
            "a schedule out of range",
            HEAD + "spec: {kind: monkey, target: www, schedule: '0 24 * * *'}\n",
            List.of(
                "spec.schedule: \"0 24 * * *\" is not a cron schedule: value 24 not in range [0,"
                    + " 23]")),
        Arguments.of(
            "a schedule that never comes",
            HEAD + "spec: {kind: monkey, target: www, schedule: '0 0 30 2 *'}\n",
            List.of("spec.schedule: \"0 0 30 2 *\" names no day that ever comes")),
        Arguments.of(
            "a success rate above 1",
            HEAD + "spec: {kind: monkey, target: www, steadyState: {minSuccessRate: 99}}\n",
            List.of("spec.steadyState.minSuccessRate: must be between 0 and 1 (was 99)")));
  }

  private static Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name.replace(' ', '-').replace(",", "") + ".yaml");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> prefixed(Path file, List<String> lines) {
    return lines.stream().map(l -> file + ": " + l).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void aBadExperimentIsOneLinePerProblemNamingFileAndField(
      String name, String content, List<String> expected) throws IOException {
    Path file = write(name, content);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    BadInputCatalogueTest.assertNoStackTrace(run.err());
    assertThat(run.err().lines()).containsExactlyElementsOf(prefixed(file, expected));
    assertThat(run.out()).isEmpty();
  }

  /** An experiment, the architecture it is checked against, and what validate prints. */
  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of(
            "spec: {kind: monkey, target: nosuch}",
            "netflixoss.yaml",
            List.of("spec.target: no tier nosuch in the architecture")),
        Arguments.of(
            "spec: {kind: monkey, target: www}",
            "netflixoss.yaml",
            List.of(
                "spec.target: tier www is a traffic source (the users): chaos never strikes it")),
        Arguments.of(
            "spec: {kind: gorilla, target: zoneD}",
            "netflixoss.yaml",
            List.of("spec.target: no zone zoneD in the architecture (zones: zoneA, zoneB, zoneC)")),
        Arguments.of(
            "spec: {kind: gorilla, target: zoneA}",
            "netflixoss-multiregion.yaml",
            List.of(
                "spec.target: zone zoneA is in 3 regions (eu-west-1, us-east-1, us-west-2): set"
                    + " spec.region")),
        Arguments.of(
            "spec: {kind: kong, target: us-east-1}",
            "netflixoss.yaml",
            List.of(
                "spec.target: the architecture has one region: a kong would take all of it"
                    + " down")));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("targets")
  void withAnArchitectureATargetItLacksIsRefused(
      String spec, String architecture, List<String> expected) throws IOException {
    Path file = write("target", HEAD + spec + "\n");
    CliRun run =
        CliRun.of(
            "validate",
            file.toString(),
            "--architecture",
            EXAMPLES.resolve(architecture).toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactlyElementsOf(prefixed(file, expected));
  }

  @Test
  void everyFileOfExamplesChaosIsValidAndSaysWhatItDoes() throws IOException {
    List<String> args = new ArrayList<>(List.of("validate"));
    try (Stream<Path> files = Files.list(EXAMPLES.resolve("chaos"))) {
      files.sorted().forEach(f -> args.add(f.toString()));
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    String chaos = EXAMPLES.resolve("chaos") + "/";
    assertThat(run.out().replace(chaos, "").lines())
        .containsExactly(
            "fragile-architecture.yaml: valid Architecture \"fragile-lamp\": 5 tiers, 10 instances",
            "fragile.yaml: valid ChaosExperiment \"fragile-database\": monkey on rds-mysql for 20 s,"
                + " target not checked (no --architecture)",
            "gorilla-zonea.yaml: valid ChaosExperiment \"gorilla-zonea\": gorilla stop on zoneA for"
                + " 20 s, target not checked (no --architecture)",
            "gorilla-zoneb-isolate.yaml: valid ChaosExperiment \"gorilla-zoneb-isolate\": gorilla"
                + " isolate on us-east-1/zoneB for 20 s, target not checked (no --architecture)",
            "kong-multiregion.yaml: valid ChaosExperiment \"kong-us-east-1\": kong stop on"
                + " us-east-1 for 20 s, target not checked (no --architecture)",
            "monkey-netflixoss.yaml: valid ChaosExperiment \"monkey-homepage\": monkey on homepage"
                + " for 20 s, target not checked (no --architecture)",
            "refused-by-guard.yaml: valid ChaosExperiment \"refused-by-guard\": gorilla stop on"
                + " zoneA for 20 s, target not checked (no --architecture)");
  }

  @Test
  void withItsArchitectureAnExperimentTheGuardsWillRefuseIsValidWithAWarning() {
    Path experiment = EXAMPLES.resolve("chaos/refused-by-guard.yaml");
    Path zoneA = EXAMPLES.resolve("chaos/gorilla-zonea.yaml");
    CliRun run =
        CliRun.of(
            "validate",
            zoneA.toString(),
            experiment.toString(),
            "--architecture",
            EXAMPLES.resolve("netflixoss.yaml").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .isEqualTo(
            experiment
                + ": warning: spec.guards: the experiment will be refused, even with every"
                + " instance up: guard maxFraction 0.10: 21 of 65 instances would be down\n");
    assertThat(run.out().lines())
        .containsExactly(
            zoneA
                + ": valid ChaosExperiment \"gorilla-zonea\": gorilla stop on zoneA for 20 s,"
                + " target checked against Architecture \"netflixoss\"",
            experiment
                + ": valid ChaosExperiment \"refused-by-guard\": gorilla stop on zoneA for 20 s,"
                + " target checked against Architecture \"netflixoss\"");
  }

  @Test
  void aBadArchitectureIsReportedAsItsOwnFile() throws IOException {
    Path architecture = write("bad architecture", "apiVersion: simianviz.io/v1alpha1\n");
    Path experiment = EXAMPLES.resolve("chaos/gorilla-zonea.yaml");
    CliRun run =
        CliRun.of("validate", experiment.toString(), "--architecture", architecture.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(architecture + ": kind: expected Architecture, got \"\"\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aChaosExperimentWhereAnArchitectureIsExpectedSaysSo() {
    Path experiment = EXAMPLES.resolve("chaos/gorilla-zonea.yaml");
    CliRun run = CliRun.of("graph", experiment.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(experiment + ": kind: expected Architecture, got \"ChaosExperiment\"\n");
  }
}
