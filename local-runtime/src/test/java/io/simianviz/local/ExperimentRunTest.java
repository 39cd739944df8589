package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.chaos.PlannedExperiment;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos experiments in a real local run on loopback, with 1 s windows: the verdict, the outage
 * modes and what summary.json records.
 */
class ExperimentRunTest {
  @TempDir Path out;

  /** Every tier has an instance in each of three zones; the front door is not zonal. */
  static LoadedArchitecture replicated() {
    return ArchitectureFiles.parse(
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: shop}
        spec:
          services:
            - {name: db, package: store, count: 3, regions: 1}
            - {name: web, package: karyon, count: 6, regions: 1, dependencies: [db]}
            - {name: web-elb, package: elb, count: 0, regions: 1, dependencies: [web]}
            - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web-elb]}
          traffic: {rate: 50}
        """,
        "shop.yaml");
  }

  /** One database instance: a zone outage takes it away (guards off so the experiment runs). */
  static LoadedArchitecture fragile() {
    return ArchitectureFiles.parse(
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: fragile}
        spec:
          services:
            - {name: db, package: store, count: 1, regions: 1}
            - {name: web, package: karyon, count: 3, regions: 1, dependencies: [db]}
            - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
          traffic: {rate: 50}
          chaos: {guards: {minHealthy: 0}}
        """,
        "fragile.yaml");
  }

  static PlannedExperiment experiment(String name, String specYaml) throws Exception {
    ChaosExperimentSpec spec = new YAMLMapper().readValue(specYaml, ChaosExperimentSpec.class);
    return new PlannedExperiment(name + ".yaml", name, spec);
  }

  record Result(int exit, String console, String err, JsonNode summary) {}

  Result run(LoadedArchitecture arch, Duration duration, PlannedExperiment... experiments)
      throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        LocalRuntime.runUntil(
            arch,
            Path.of(arch.name() + ".yaml"),
            options(duration),
            List.of(experiments),
            ViewOptions.off(),
            new Console(new PrintStream(console, true, StandardCharsets.UTF_8), false),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new CountDownLatch(1));
    JsonNode summary =
        out.resolve("summary.json").toFile().exists()
            ? new ObjectMapper().readTree(out.resolve("summary.json").toFile())
            : null;
    return new Result(
        exit,
        console.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        summary);
  }

  /** A short warm-up: the experiments start right after it, not after the usual 5 s. */
  RunOptions options(Duration duration) {
    return new RunOptions(
        duration,
        null,
        null,
        null,
        null,
        out,
        7,
        0,
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(300),
        false,
        false);
  }

  static void assertInvariant(JsonNode experiment) {
    for (JsonNode w : experiment.get("windows")) {
      assertThat(w.get("requests").asLong())
          .as("window %s", w.get("name"))
          .isEqualTo(
              w.get("answered").asLong() + w.get("errors").asLong() + w.get("lost").asLong());
    }
  }

  @Test
  void aZoneStoppedAndBroughtBackPassesOnAReplicatedArchitecture() throws Exception {
    Result r =
        run(
            replicated(),
            Duration.ofSeconds(1),
            experiment(
                "gorilla-b",
                """
                kind: gorilla
                target: zoneB
                mode: stop
                duration: 2s
                steadyState: {window: 1s, interval: 500ms, minSuccessRate: 0.95}
                """));
    assertThat(r.console()).contains("outage: 3 instance(s) of", "stopped", "restored: 3");
    assertThat(r.console()).contains("verdict Pass");
    assertThat(r.exit()).as(r.console() + r.err()).isZero();
    JsonNode e = r.summary().get("experiments").get(0);
    assertThat(e.get("name").asText()).isEqualTo("gorilla-b");
    assertThat(e.get("file").asText()).isEqualTo("gorilla-b.yaml");
    assertThat(e.get("phase").asText()).isEqualTo("Completed");
    assertThat(e.get("verdict").asText()).isEqualTo("Pass");
    assertThat(e.get("target").asText()).startsWith("gorilla ").endsWith("/zoneB stop");
    assertThat(e.get("victims")).hasSize(3);
    assertThat(e.has("progress")).isFalse();
    assertThat(e.get("injectedAt").asText()).isNotEmpty();
    assertThat(e.get("restoredAt").asText()).isNotEmpty();
    assertThat(e.get("windows")).hasSize(3);
    assertInvariant(e);
  }

  @Test
  void anIsolatedZoneKeepsRunningAndIsHealed() throws Exception {
    Result r =
        run(
            replicated(),
            Duration.ofSeconds(1),
            experiment(
                "isolate-c",
                """
                kind: gorilla
                target: zoneC
                mode: isolate
                duration: 2s
                steadyState: {window: 1s, interval: 500ms, minSuccessRate: 0.5}
                """));
    assertThat(r.console()).contains("outage: 3 instance(s) of", "isolated (running, unreachable)");
    assertThat(r.console()).contains("restored: 3 instance(s) back", "verdict ");
    // Isolated instances stay up: every status line counts all 11.
    assertThat(r.console()).containsPattern("up 11/11").doesNotContainPattern("up ([0-9]|10)/11");
    JsonNode e = r.summary().get("experiments").get(0);
    assertThat(e.get("phase").asText()).isEqualTo("Completed");
    assertThat(e.get("windows")).hasSize(3);
    assertInvariant(e);
  }

  @Test
  void aFragileArchitectureFailsAndIsAbortedEarly() throws Exception {
    Result r =
        run(
            fragile(),
            Duration.ofSeconds(1),
            experiment(
                "fragile",
                """
                kind: gorilla
                target: zoneA
                duration: 20s
                steadyState: {window: 1s, interval: 500ms, failureThreshold: 2}
                """));
    assertThat(r.console()).contains("verdict Fail", "aborted after");
    assertThat(r.exit()).isEqualTo(LocalRuntime.EXPERIMENT_NOT_PASSED);
    JsonNode e = r.summary().get("experiments").get(0);
    assertThat(e.get("verdict").asText()).isEqualTo("Fail");
    assertInvariant(e);
  }

  @Test
  void aRefusedExperimentSaysWhy() throws Exception {
    Result r =
        run(
            replicated(),
            Duration.ofSeconds(1),
            experiment("kong", "{kind: kong, target: us-east-1}"));
    assertThat(r.console()).contains("refused: the architecture has one region");
    assertThat(r.exit()).isEqualTo(LocalRuntime.EXPERIMENT_NOT_PASSED);
    assertThat(r.summary().get("experiments").get(0).get("phase").asText()).isEqualTo("Refused");
  }

  @Test
  void anExperimentForAnotherArchitectureIsRefusedBeforeTheRun() throws Exception {
    Result r =
        run(
            replicated(),
            Duration.ofSeconds(1),
            experiment("other", "{kind: monkey, target: web, architectureRef: netflixoss}"));
    assertThat(r.exit()).isEqualTo(LocalRuntime.REFUSED);
    assertThat(r.err())
        .isEqualTo(
            "simianviz run: other.yaml: spec.architectureRef: names architecture netflixoss, but"
                + " this run is shop (leave it out, or name shop)"
                + System.lineSeparator());
  }
}
