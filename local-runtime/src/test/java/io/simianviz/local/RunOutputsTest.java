package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.api.io.LoadedArchitecture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads after a run: only whole runs, never two mixed. */
class RunOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> OUTPUTS =
      List.of("summary.json", "graph.json", "spans.json", "histograms.txt", "histograms.csv");

  @TempDir Path dir;

  @Test
  void aSpecWithRateZeroRunsWithoutTrafficAndSaysSoOnStderr() throws Exception {
    LoadedArchitecture idle = TestRuns.lamp("traffic: {rate: 0}");
    Path out = dir.resolve("idle");
    TestRuns.Result result = TestRuns.run(idle, TestRuns.options(out, Duration.ofSeconds(1), null));

    assertThat(result.exit()).isZero();
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith("lamp.yaml: warning: traffic.rate 0: the traffic sources send no requests");
    assertThat(result.err() + result.console()).doesNotContain("Exception");
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("requests").asLong()).isZero();
    assertThat(summary.get("instances").asInt()).isEqualTo(23);
  }

  @Test
  void rateZeroOnTheCommandLineIsARunWithoutTraffic() throws Exception {
    Path out = dir.resolve("idle");
    TestRuns.Result result =
        TestRuns.run(TestRuns.lamp(""), TestRuns.options(out, Duration.ofSeconds(1), 0.0));

    assertThat(result.exit()).isZero();
    assertThat(result.err()).startsWith("simianviz run: warning: --rate 0: ");
    assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("requests").asLong())
        .isZero();
  }

  @Test
  void aTakenPortIsOneLineNamingTheAddressAndWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      RunOptions options =
          withPort(TestRuns.options(dir.resolve("out"), Duration.ofSeconds(1), null), port);
      TestRuns.Result result = TestRuns.run(TestRuns.lamp(""), options);

      assertThat(result.exit()).isEqualTo(1);
      assertThat(result.err().lines())
          .singleElement()
          .asString()
          .matches("simianviz run: 127\\.1\\.0\\.\\d+:" + port + " is already in use .*")
          .contains("--port P, or --port 0 for free ports")
          .doesNotContain("Exception")
          .doesNotContain("error(-98)");
    }
  }

  @Test
  void aFailedRunLeavesThePreviousOutputsUntouched() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    for (String name : OUTPUTS) {
      Files.writeString(out.resolve(name), "the previous run's " + name);
    }
    try (ServerSocket taken = new ServerSocket(0)) {
      RunOptions options =
          withPort(
              TestRuns.options(
                  out, Duration.ofSeconds(1), null, Duration.ofMillis(300), /* force */ true),
              taken.getLocalPort());
      assertThat(TestRuns.run(TestRuns.lamp(""), options).exit()).isEqualTo(1);
    }
    for (String name : OUTPUTS) {
      assertThat(out.resolve(name)).hasContent("the previous run's " + name);
    }
    assertThat(listing(dir)).containsExactly("out");
  }

  @Test
  void anOutThatHoldsFilesIsRefusedWithoutForceBeforeAnythingStarts() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("summary.json"), "the previous run's");

    TestRuns.Result result =
        TestRuns.run(TestRuns.lamp(""), TestRuns.options(out, Duration.ofSeconds(1), null));

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith("simianviz run: " + out + " already holds files")
        .contains("--force");
    assertThat(result.console()).isEmpty();
    assertThat(listing(out)).containsExactly("summary.json");
    assertThat(listing(dir)).containsExactly("out");
  }

  @Test
  void withForceARunReplacesTheOutputsOfTheOneBefore() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    for (String name : OUTPUTS) {
      Files.writeString(out.resolve(name), "the previous run's " + name);
    }
    Files.writeString(out.resolve("notes.txt"), "mine");

    TestRuns.Result result =
        TestRuns.run(
            TestRuns.lamp("traffic: {rate: 50}"),
            TestRuns.options(out, Duration.ofSeconds(1), null, Duration.ofMillis(300), true));

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("arch").asText())
        .isEqualTo("lamp");
    assertThat(JSON.readTree(out.resolve("spans.json").toFile()).isArray()).isTrue();
    assertThat(out.resolve("notes.txt")).hasContent("mine");
    assertThat(listing(dir)).containsExactly("out");
  }

  @Test
  void withoutOutEachRunGetsItsOwnDirectoryAndLatestIsTheNewest() throws Exception {
    Path runs = dir.resolve("simianviz-out").resolve("lamp");
    RunOptions options =
        new RunOptions(
            Duration.ofSeconds(1),
            null,
            null,
            50.0,
            null,
            runs,
            7,
            0,
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofMillis(300),
            false,
            true);
    assertThat(TestRuns.run(TestRuns.lamp(""), options).exit()).isZero();
    assertThat(TestRuns.run(TestRuns.lamp(""), options).exit()).isZero();

    List<String> names = listing(runs);
    assertThat(names).hasSize(3).contains(OutputDir.LATEST);
    List<String> dirs = names.stream().filter(n -> !n.equals(OutputDir.LATEST)).toList();
    assertThat(dirs).allMatch(n -> n.matches("\\d{8}-\\d{6}(-\\d+)?"));
    Path latest = runs.resolve(OutputDir.LATEST);
    assertThat(Files.isSymbolicLink(latest)).isTrue();
    assertThat(latest.toRealPath()).isEqualTo(runs.resolve(dirs.get(1)).toRealPath());
    for (String run : dirs) {
      assertThat(listing(runs.resolve(run))).containsExactlyInAnyOrderElementsOf(OUTPUTS);
    }
  }

  private static RunOptions withPort(RunOptions o, int port) {
    return new RunOptions(
        o.duration(),
        o.scale(),
        o.regions(),
        o.rate(),
        o.sampleRate(),
        o.out(),
        o.seed(),
        port,
        o.warmup(),
        o.progressEvery(),
        o.replaceAfter(),
        o.force(),
        o.runDirectories());
  }

  /** The names in a directory, sorted, hidden ones included. */
  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
