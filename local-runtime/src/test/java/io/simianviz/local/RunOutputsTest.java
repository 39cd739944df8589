package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.host.OutputDir;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads after a run: the same totals in every file, and only whole runs. */
class RunOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TXT_HEADER =
      Pattern.compile("(?m)^# (.+?)  count=(\\d+) errors=(\\d+) \\(milliseconds\\)$");

  private static final List<String> OUTPUTS =
      List.of(
          "summary.json",
          "graph.json",
          "spans.json",
          "histograms.txt",
          "histograms.csv",
          "vizceral.json");

  @TempDir Path dir;

  @Test
  void everyFileOfARunReportsTheSameTotals() throws Exception {
    Path out = dir.resolve("lamp");
    TestRuns.Result result =
        TestRuns.run(TestRuns.lamp(""), TestRuns.options(out, Duration.ofSeconds(3), 200.0));
    assertThat(result.exit()).as(result.err()).isZero();

    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    long requests = summary.get("requests").asLong();
    long errors = summary.get("errors").asLong();
    assertThat(requests).isGreaterThan(300);
    // The measured window is the 3 s of traffic, not the run's whole wall-clock time.
    assertThat(summary.get("durationS").asDouble()).isBetween(2.9, 3.5);

    Map<String, long[]> txt = new HashMap<>();
    Matcher m = TXT_HEADER.matcher(Files.readString(out.resolve("histograms.txt")));
    while (m.find()) {
      txt.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
    }
    Map<String, long[]> csv = new HashMap<>();
    List<String> lines = Files.readAllLines(out.resolve("histograms.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      csv.put(f[0].replace("\"", ""), new long[] {Long.parseLong(f[4]), Long.parseLong(f[5])});
    }
    // Every series, not just the totals: the two histogram files are one snapshot.
    assertThat(csv).hasSize(14).containsOnlyKeys(txt.keySet());
    csv.forEach((name, counts) -> assertThat(txt.get(name)).as(name).containsExactly(counts));

    long trafficRequests = csv.get("traffic www GET")[0] + csv.get("traffic www PUT")[0];
    long trafficErrors = csv.get("traffic www GET")[1] + csv.get("traffic www PUT")[1];
    assertThat(trafficRequests).isEqualTo(requests);
    assertThat(trafficErrors).isEqualTo(errors);
    // Each request is one call from www to the load balancer.
    assertThat(csv.get("edge www->webserver-elb")[0]).isEqualTo(requests);
    for (JsonNode tier : summary.get("tiers")) {
      if (tier.get("name").asText().equals("www")) {
        assertThat(tier.get("requests").asLong()).isEqualTo(requests);
        assertThat(tier.get("errors").asLong()).isEqualTo(errors);
      }
    }
    long hops = 0;
    for (Map.Entry<String, long[]> e : csv.entrySet()) {
      hops += e.getKey().startsWith("edge ") ? e.getValue()[0] : 0;
    }
    assertThat(summary.get("hops").asLong()).isEqualTo(hops);

    // Every trace sampled (the default): one CLIENT span per request, written before the end.
    long clientSpans = 0;
    for (JsonNode span : JSON.readTree(out.resolve("spans.json").toFile())) {
      clientSpans += span.get("kind").asText().equals("CLIENT") ? 1 : 0;
    }
    assertThat(clientSpans).isEqualTo(requests);
  }

  @Test
  void durationIsTheMeasuredWindowAndLeavesTheWarmUpOut() throws Exception {
    Path out = dir.resolve("warm");
    RunOptions o = TestRuns.options(out, Duration.ofSeconds(2), 200.0);
    RunOptions warm =
        new RunOptions(
            o.duration(),
            null,
            null,
            o.rate(),
            null,
            out,
            o.seed(),
            0,
            Duration.ofSeconds(2),
            o.progressEvery(),
            o.replaceAfter(),
            false,
            false);
    assertThat(TestRuns.run(TestRuns.lamp(""), warm).exit()).isZero();

    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("warmupS").asDouble()).isBetween(1.9, 3.0);
    assertThat(summary.get("durationS").asDouble()).isBetween(1.9, 2.5);
    assertThat(summary.get("hopsPerSecond").asDouble())
        .isCloseTo(
            summary.get("hops").asDouble() / summary.get("durationS").asDouble(),
            Percentage.withPercentage(1));
  }

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
