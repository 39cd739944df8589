package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The automatic warm-up goes on while requests fail, up to its limit, and says so. */
class SettlingWarmupTest {
  @TempDir Path out;

  private static LoadedArchitecture withStoreErrorRate(double errorRate) {
    return ArchitectureFiles.parse(
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: settle}
        spec:
          services:
            - {name: store, package: store, count: 2, regions: 1, errorRate: %s}
            - {name: web, package: karyon, count: 3, regions: 1, dependencies: [store]}
            - {name: www, package: denominator, count: 0, regions: 0, dependencies: [web]}
        """
            .formatted(errorRate),
        "settle.yaml");
  }

  private RunOptions options(Duration warmup, Duration upTo) {
    return new RunOptions(
        Duration.ofSeconds(1),
        null,
        null,
        50.0,
        null,
        out,
        7,
        0,
        warmup,
        Duration.ofSeconds(1),
        Duration.ofMillis(300),
        false,
        false,
        upTo);
  }

  private static double warmupS(Path out) throws Exception {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    return summary.get("warmupS").asDouble();
  }

  @Test
  void requestsThatKeepFailingHoldTheWarmUpToItsLimitWhichTheConsoleSays() throws Exception {
    TestRuns.Result run =
        TestRuns.run(
            withStoreErrorRate(1.0), options(Duration.ofSeconds(2), Duration.ofSeconds(4)));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.console())
        .contains("warming up for 2.0 s, longer while requests fail (at most 4 s)")
        .containsPattern(
            "not settled: [1-9][0-9]* of the last [1-9][0-9]* requests failed or timed out")
        .contains("still not settled after a 4 s warm-up: measuring all the same")
        .contains("warm-up over, measuring");
    assertThat(warmupS(out)).isBetween(3.9, 6.0);
  }

  @Test
  void aHealthyRunEndsItsWarmUpWithoutWaitingForTheLimit() throws Exception {
    TestRuns.Result run =
        TestRuns.run(withStoreErrorRate(0), options(Duration.ofSeconds(3), Duration.ofSeconds(40)));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.console())
        .contains("warming up for 3.0 s, longer while requests fail (at most 40 s)")
        .contains("warm-up over, measuring")
        .doesNotContain("still not settled");
    // A cold JVM on a busy machine may fail a few first requests: the warm-up then goes on a
    // little.
    assertThat(warmupS(out)).isBetween(2.9, 20.0);
  }
}
