package io.simianviz.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.api.v1alpha1.DeploymentReplicas;
import io.simianviz.api.v1alpha1.RestoreRecord;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.OutageMode;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.validation.InvalidInputException;
import io.simianviz.model.validation.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChaosExperimentFilesTest {
  private static final String HEAD =
      "apiVersion: simianviz.io/v1alpha1\nkind: ChaosExperiment\nmetadata:\n  name: gorilla\n";

  private static final String GORILLA =
      HEAD
          + """
          spec:
            architectureRef: netflixoss
            kind: gorilla
            target: zoneA
            region: us-east-1
            mode: isolate
            duration: 20s
            schedule: "0 3 * * 1-5"
            dryRun: false
            steadyState:
              minSuccessRate: 0.99
              maxP99Ms: 500
              window: 10s
              interval: 1s
              failureThreshold: 2
            guards:
              minHealthy: 1
              maxFraction: 0.5
          """;

  @TempDir Path dir;

  @Test
  void readsEveryFieldOfAChaosExperiment() throws IOException {
    Path file = dir.resolve("gorilla.yaml");
    Files.writeString(file, GORILLA);
    ChaosExperiment e = ChaosExperimentFiles.read(file);
    assertThat(e.getMetadata().getName()).isEqualTo("gorilla");
    ChaosExperimentSpec s = e.getSpec();
    assertThat(s.getArchitectureRef()).isEqualTo("netflixoss");
    assertThat(s.getKind()).isEqualTo(ChaosKind.GORILLA);
    assertThat(s.getTarget()).isEqualTo("zoneA");
    assertThat(s.getRegion()).isEqualTo("us-east-1");
    assertThat(s.getMode()).isEqualTo(OutageMode.ISOLATE);
    assertThat(s.getDuration()).isEqualTo("20s");
    assertThat(s.getSchedule()).isEqualTo("0 3 * * 1-5");
    assertThat(s.getDryRun()).isFalse();
    assertThat(s.getSteadyState().getMinSuccessRate()).isEqualTo(0.99);
    assertThat(s.getSteadyState().getMaxP99Ms()).isEqualTo(500.0);
    assertThat(s.getSteadyState().getWindow()).isEqualTo("10s");
    assertThat(s.getSteadyState().getInterval()).isEqualTo("1s");
    assertThat(s.getSteadyState().getFailureThreshold()).isEqualTo(2);
    assertThat(s.getGuards().getMinHealthy()).isEqualTo(1);
    assertThat(s.getGuards().getMaxFraction()).isEqualTo(0.5);
  }

  @Test
  void theSameResourceReadsFromJson() {
    ChaosExperiment e =
        ChaosExperimentFiles.parse(
            "{\"apiVersion\": \"simianviz.io/v1alpha1\", \"kind\": \"ChaosExperiment\","
                + " \"metadata\": {\"name\": \"m\"},\n\t\"spec\": {\"kind\": \"monkey\", \"target\":"
                + " \"homepage\"}}");
    assertThat(e.getSpec().getKind()).isEqualTo(ChaosKind.MONKEY);
    assertThat(e.getSpec().getArchitectureRef()).isNull();
  }

  @Test
  void writingAndReadingBackKeepsSpecAndStatus() {
    ChaosExperiment e = ChaosExperimentFiles.parse(GORILLA);
    ChaosExperimentStatus status = new ChaosExperimentStatus();
    status.setPhase(ExperimentPhase.During);
    status.setObservedGeneration(3L);
    RestoreRecord restore = new RestoreRecord();
    restore.setDeployments(List.of(new DeploymentReplicas("homepage-us-east-1-zone-a", 8)));
    restore.setNetworkPolicy("simianviz-chaos-gorilla");
    status.setRestore(restore);
    e.setStatus(status);
    String yaml = ChaosExperimentFiles.toYaml(e);
    assertThat(yaml).contains("kind: ChaosExperiment", "kind: gorilla", "mode: isolate");
    ChaosExperiment back = ChaosExperimentFiles.parse(yaml);
    assertThat(back.getStatus().getPhase()).isEqualTo(ExperimentPhase.During);
    assertThat(back.getStatus().getObservedGeneration()).isEqualTo(3L);
    assertThat(back.getStatus().getRestore()).isEqualTo(restore);
    assertThat(ChaosExperimentFiles.toYaml(back)).isEqualTo(yaml);
  }

  /** Content, and the one problem the reader reports for it. */
  static Stream<Arguments> refused() {
    String spec = "spec:\n  kind: monkey\n  target: www\n";
    return Stream.of(
        Arguments.of("", "expected an object (a ChaosExperiment)"),
        Arguments.of("- a\n", "expected an object (a ChaosExperiment)"),
        Arguments.of(
            "spec: [unclosed\n",
            "not valid YAML or JSON: while parsing a flow sequence (line 1, column 16)"),
        Arguments.of(
            HEAD.replace("ChaosExperiment", "Architecture") + spec,
            "kind: expected ChaosExperiment, got \"Architecture\""),
        Arguments.of(
            HEAD.replace("simianviz.io/v1alpha1", "simianviz.io/v1") + spec,
            "apiVersion: expected simianviz.io/v1alpha1, got \"simianviz.io/v1\""),
        Arguments.of(HEAD, "spec: required"),
        Arguments.of(HEAD + "spec: ~\n", "spec: required"),
        Arguments.of(
            HEAD + "spec:\n  kind: chimp\n  target: www\n",
            "spec.kind: \"chimp\" is not a valid value (expected one of monkey, gorilla, kong)"),
        Arguments.of(
            HEAD + "spec:\n  kind: Monkey\n  target: www\n",
            "spec.kind: \"Monkey\" is not a valid value (expected one of monkey, gorilla, kong)"),
        Arguments.of(
            HEAD + "spec:\n  kind: gorilla\n  target: zoneA\n  mode: pause\n",
            "spec.mode: \"pause\" is not a valid value (expected one of stop, isolate)"),
        Arguments.of(HEAD + spec + "  victim: www\n", "spec.victim: unknown field"),
        Arguments.of(
            HEAD + spec + "  steadyState: {minSuccessRate: high}\n",
            "spec.steadyState.minSuccessRate: \"high\" is not a valid number"),
        Arguments.of(
            HEAD + spec + "  steadyState: {failureThreshold: 2.5}\n",
            "spec.steadyState.failureThreshold: \"2.5\" is not a valid whole number"),
        Arguments.of(
            HEAD + spec + "  dryRun: maybe\n", "spec.dryRun: \"maybe\" is not true or false"),
        Arguments.of(
            HEAD + spec + "  kind: kong\n",
            "not valid YAML or JSON: Duplicate field 'kind' (line 8, column 7)"),
        Arguments.of(
            HEAD.replace("  name: gorilla\n", "  name: Gorilla_1\n") + spec,
            "metadata.name: \"Gorilla_1\" is not a valid name (lower-case letters, digits and '-',"
                + " starting with a letter, at most 63 characters)"),
        Arguments.of(
            HEAD.replace("metadata:\n  name: gorilla\n", "") + spec, "metadata.name: required"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("refused")
  void badContentIsOneProblemNamingTheField(String text, String problem) {
    assertThatThrownBy(() -> ChaosExperimentFiles.parse(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems().stream().map(Problem::toString)).containsExactly(problem));
  }

  @Test
  void aDirectoryABinaryAndAnOversizedFileAreNamedForWhatTheyAre() throws IOException {
    assertThatThrownBy(() -> ChaosExperimentFiles.read(dir))
        .hasMessage("is a directory; expected a ChaosExperiment file");
    Path binary = dir.resolve("program");
    Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xc3, (byte) 0x28});
    assertThatThrownBy(() -> ChaosExperimentFiles.read(binary))
        .hasMessage("not a text file (not UTF-8): expected a ChaosExperiment in YAML or JSON");
    Path large = dir.resolve("large.yaml");
    Files.writeString(large, "#".repeat(4 * 1024 * 1024 + 1), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ChaosExperimentFiles.read(large))
        .hasMessage("the file is 4194305 bytes; a ChaosExperiment file is at most 4194304 bytes");
  }

  @Test
  void aFileIsAChaosExperimentByItsKindAlone() throws IOException {
    Path experiment = dir.resolve("e.yaml");
    Files.writeString(experiment, GORILLA);
    Path wrongVersion = dir.resolve("v.yaml");
    Files.writeString(wrongVersion, GORILLA.replace("simianviz.io/v1alpha1", "v1"));
    Path architecture = dir.resolve("a.yaml");
    Files.writeString(architecture, GORILLA.replace("kind: ChaosExperiment", "kind: Architecture"));
    Path broken = dir.resolve("b.yaml");
    Files.writeString(broken, "kind: ChaosExperiment\nspec: [");
    assertThat(ChaosExperimentFiles.isChaosExperiment(experiment)).isTrue();
    assertThat(ChaosExperimentFiles.isChaosExperiment(wrongVersion)).isTrue();
    assertThat(ChaosExperimentFiles.isChaosExperiment(architecture)).isFalse();
    assertThat(ChaosExperimentFiles.isChaosExperiment(broken)).isFalse();
    assertThat(ChaosExperimentFiles.isChaosExperiment(dir)).isFalse();
    assertThat(ChaosExperimentFiles.isChaosExperiment(dir.resolve("absent.yaml"))).isFalse();
  }
}
