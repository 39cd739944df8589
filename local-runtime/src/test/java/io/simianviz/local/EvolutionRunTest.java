package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.local.evolution.EvolutionPlan;
import io.simianviz.local.evolution.Version;
import io.simianviz.local.evolution.VersionLoader;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.model.validation.ArchitectureValidator;
import io.simianviz.model.validation.InvalidInputException;
import io.simianviz.model.validation.ValidationResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions applied to one real local run on loopback: a folder's, and a watched file's saved
 * changes. Every step's window figures come from the settled counters; nothing may be lost.
 */
class EvolutionRunTest {
  @TempDir Path dir;

  private static final String HEAD =
      """
      apiVersion: simianviz.io/v1alpha1
      kind: Architecture
      metadata: {name: shop}
      spec:
        traffic: {rate: 100}
        services:
      """;

  /** v1: web over a slow db (calls are in flight at any moment). */
  private static final String V1 =
      HEAD
          + """
              - {name: db, package: store, count: 2, regions: 1, serviceTime: "constant(150ms)"}
              - {name: web, package: karyon, count: 3, regions: 1, dependencies: [db]}
              - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
          """;

  /** v2: a cache beside the db; web is re-pointed to both. */
  private static final String V2 =
      HEAD
          + """
              - {name: db, package: store, count: 2, regions: 1, serviceTime: "constant(150ms)"}
              - {name: cache, package: store, count: 1, regions: 1}
              - {name: web, package: karyon, count: 3, regions: 1, dependencies: [cache, db]}
              - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
          """;

  /** v3: the db is removed (drained, then stopped), web calls the cache alone, and grows. */
  private static final String V3 =
      HEAD
          + """
              - {name: cache, package: store, count: 1, regions: 1}
              - {name: web, package: karyon, count: 4, regions: 1, dependencies: [cache]}
              - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
          """;

  record Result(int exit, String console, JsonNode summary) {}

  private Result run(EvolutionPlan plan, Duration duration, CountDownLatch stop) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path out = dir.resolve("out");
    int exit =
        LocalRuntime.runUntil(
            plan.versions().getFirst().loaded(),
            plan.versions().getFirst().file(),
            TestRuns.options(out, duration, null),
            List.of(),
            ViewOptions.off(),
            plan,
            new Console(new PrintStream(console, true, StandardCharsets.UTF_8), false),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            stop);
    JsonNode summary =
        Files.exists(out.resolve("summary.json"))
            ? new ObjectMapper().readTree(out.resolve("summary.json").toFile())
            : null;
    return new Result(exit, console.toString(StandardCharsets.UTF_8), summary);
  }

  private Version version(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return loader().load(file, null);
  }

  /** As the command line reads a version: parsed and validated, a problem is one line. */
  private static VersionLoader loader() {
    return (file, running) -> {
      try {
        var loaded = ArchitectureFiles.read(file);
        ValidationResult result = ArchitectureValidator.validate(loaded.architecture().getSpec());
        if (!result.isValid()) {
          throw new VersionLoader.Rejected(file + ": " + result.errors().getFirst());
        }
        return new Version(file, loaded);
      } catch (InvalidInputException e) {
        throw new VersionLoader.Rejected(file + ": " + e.problems().getFirst());
      } catch (java.io.IOException e) {
        throw new VersionLoader.Rejected(file + ": " + e.getMessage());
      }
    };
  }

  @Test
  void aFolderOfThreeVersionsConvergesWithNothingLostAndEveryStepMeasured() throws Exception {
    List<Version> versions =
        List.of(version("v1.yaml", V1), version("v2.yaml", V2), version("v3.yaml", V3));
    Result r =
        run(
            EvolutionPlan.folder(versions, Duration.ofSeconds(2)),
            Duration.ofSeconds(6),
            new CountDownLatch(1));

    assertThat(r.exit()).as(r.console()).isZero();
    JsonNode steps = r.summary().get("steps");
    assertThat(steps).hasSize(3);
    long requests = 0;
    for (JsonNode s : steps) {
      assertThat(s.get("outcome").asText()).as(r.console()).isEqualTo("applied");
      assertThat(s.get("requests").asLong()).as("step %s", s.get("step")).isPositive();
      assertThat(s.get("requests").asLong())
          .isEqualTo(
              s.get("answered").asLong() + s.get("errors").asLong() + s.get("lost").asLong());
      assertThat(s.get("lost").asLong()).as("step %s lost", s.get("step")).isZero();
      assertThat(s.get("errors").asLong())
          .as("step %s errors\n%s", s.get("step"), r.console())
          .isZero();
      assertThat(s.has("p99Ms") && s.has("transitionS") && s.has("successRate")).isTrue();
      requests += s.get("requests").asLong();
    }
    // The windows cover the run's traffic once.
    assertThat(requests).isEqualTo(r.summary().get("requests").asLong());
    // The last version's instances run: 1 cache, 4 web, 1 www; the db is gone.
    assertThat(r.summary().get("instances").asInt()).isEqualTo(6);
    assertThat(steps.get(2).get("instances").asInt()).isEqualTo(6);
    // The removed tier was drained, then stopped, after web no longer called it.
    String console = r.console();
    int repoint = console.indexOf("re-point web: [cache, db] -> [cache]");
    int drain = console.indexOf("drain db (tier removed)");
    int stopped = console.indexOf("stop db: 2 instances");
    assertThat(repoint).as(console).isPositive();
    assertThat(drain).isGreaterThan(repoint);
    assertThat(stopped).isGreaterThan(drain);
  }

  @Test
  void aWatchedFileAppliesASavedChangeAndSurvivesABadSave() throws Exception {
    Version first = version("shop.yaml", V1);
    Path file = first.file();
    CountDownLatch stop = new CountDownLatch(1);
    List<Throwable> failures = new ArrayList<>();
    Thread editor =
        new Thread(
            () -> {
              try {
                Thread.sleep(1500);
                Files.writeString(file, V1.replace("count: 3", "count: lots"));
                Thread.sleep(1500);
                Files.writeString(file, V2);
                Thread.sleep(7000);
              } catch (Exception e) {
                failures.add(e);
              } finally {
                stop.countDown();
              }
            });
    editor.start();
    Result r = run(EvolutionPlan.watch(first, file, loader()), Duration.ZERO, stop);
    editor.join();

    assertThat(failures).isEmpty();
    assertThat(r.exit()).as(r.console()).isZero();
    List<String> bad = r.console().lines().filter(l -> l.contains("watch:")).toList();
    assertThat(bad).as(r.console()).hasSize(1);
    assertThat(bad.getFirst()).contains(file.toString(), "ignored", "count");
    JsonNode steps = r.summary().get("steps");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(1).get("outcome").asText()).isEqualTo("applied");
    assertThat(steps.get(1).get("instances").asInt()).isEqualTo(7);
    for (JsonNode s : steps) {
      assertThat(s.get("lost").asLong()).isZero();
      assertThat(s.get("errors").asLong()).as(r.console()).isZero();
      assertThat(s.get("requests").asLong()).isPositive();
    }
  }

  @Test
  void aBadPushIsRolledBackByItsCanaryAfterTwoFailedIntervals() throws Exception {
    String v1 = V1.replace("count: 3, regions: 1,", "count: 3, regions: 1, version: v1,");
    String v2 =
        V1.replace(
            "count: 3, regions: 1,",
            "count: 3, regions: 1, version: v2, errorRate: 0.5,"
                + " canary: {weight: 10, analysis: {interval: 1s, failureLimit: 2}},");
    List<Version> versions = List.of(version("v1.yaml", v1), version("v2.yaml", v2));
    Result r =
        run(
            EvolutionPlan.folder(versions, Duration.ofSeconds(2)),
            Duration.ofSeconds(4),
            new CountDownLatch(1));

    assertThat(r.exit()).as(r.console()).isZero();
    JsonNode steps = r.summary().get("steps");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(1).get("outcome").asText()).startsWith("rolled back web to v1");
    assertThat(r.console())
        .contains("canary web: 1 of 3 instance(s) at v2", "canary web interval 2")
        .doesNotContain("canary web interval 3");
    for (JsonNode s : steps) {
      assertThat(s.get("lost").asLong()).isZero();
    }
  }

  @Test
  void aTierIsAutoscaledUnderARateStep() throws Exception {
    String yaml =
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: shop}
        spec:
          traffic:
            rate: 20
            schedule: [{at: 2s, rate: 200}]
          services:
            - {name: db, package: store, count: 2, regions: 1}
            - {name: web, package: karyon, count: 1, regions: 1, dependencies: [db],
               autoscale: {min: 1, max: 6, targetRequestsPerInstance: 40}}
            - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
        """;
    Version only = version("shop.yaml", yaml);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Path out = dir.resolve("out");
    int exit =
        LocalRuntime.runUntil(
            only.loaded(),
            only.file(),
            TestRuns.options(out, Duration.ofSeconds(8), null),
            new Console(new PrintStream(console, true, StandardCharsets.UTF_8), false),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new CountDownLatch(1));
    String text = console.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isZero();
    assertThat(text).contains("traffic: 200 requests/s per source", "autoscale web: 1 -> ");
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    JsonNode steps = summary.get("steps");
    assertThat(steps.size()).isGreaterThan(1);
    assertThat(steps.get(1).get("cause").asText()).startsWith("autoscale web: 1 -> ");
    assertThat(steps.get(steps.size() - 1).get("instances").asInt()).isGreaterThanOrEqualTo(6);
    for (JsonNode s : steps) {
      assertThat(s.get("lost").asLong()).isZero();
      assertThat(s.get("errors").asLong()).as(text).isZero();
    }
  }

  /**
   * A rate step's {@code at} counts from the end of the warm-up, as the measured run sees it: the
   * warm-up's length depends on the machine, the schedule does not.
   */
  @Test
  void aRateScheduleStartsWhenTheRunStartsMeasuring() throws Exception {
    String yaml =
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: steps}
        spec:
          traffic:
            rate: 20
            schedule: [{at: 2s, rate: 40}]
          services:
            - {name: db, package: store, count: 1, regions: 1}
            - {name: www, package: denominator, count: 0, regions: 0, dependencies: [db]}
        """;
    Version only = version("steps.yaml", yaml);
    TestRuns.Result run =
        TestRuns.run(
            only.loaded(),
            TestRuns.warmedUp(dir.resolve("out"), Duration.ofSeconds(4), Duration.ofSeconds(2)));
    String text = run.console();
    assertThat(run.exit()).as(text).isZero();
    double measuring = secondsOf(text, "warm-up over, measuring");
    double rateStep = secondsOf(text, "traffic: 40 requests/s per source");
    assertThat(rateStep - measuring).as(text).isGreaterThanOrEqualTo(1.9);
  }

  /** The console clock of the first line that ends with {@code what}. */
  private static double secondsOf(String console, String what) {
    return console
        .lines()
        .filter(l -> l.endsWith(what))
        .map(l -> Double.parseDouble(l.strip().substring(0, l.strip().indexOf("s "))))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line '" + what + "' in\n" + console));
  }
}
