package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.api.io.ArchitectureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  static final String NETFLIXOSS_SPIGO =
      """
      { "arch": "netflixoss", "description": "A very simple Netflix service", "version": "arch-0.0",
        "victim": "homepage",
        "services": [
          { "name": "cassSubscriber", "package": "priamCassandra", "count": 6, "regions": 1,
            "dependencies": ["cassSubscriber", "eureka"] },
          { "name": "evcacheSubscriber", "package": "store", "count": 3, "regions": 1,
            "dependencies": [] },
          { "name": "subscriber", "package": "staash", "count": 6, "regions": 1,
            "dependencies": ["cassSubscriber", "evcacheSubscriber"] },
          { "name": "login", "package": "karyon", "count": 18, "regions": 1,
            "dependencies": ["subscriber"] },
          { "name": "homepage", "package": "karyon", "count": 24, "regions": 1,
            "dependencies": ["subscriber"] },
          { "name": "wwwproxy", "package": "zuul", "count": 6, "regions": 1,
            "dependencies": ["login", "homepage"] },
          { "name": "www-elb", "package": "elb", "count": 0, "regions": 1,
            "dependencies": ["wwwproxy"] },
          { "name": "www", "package": "denominator", "count": 0, "regions": 0,
            "dependencies": ["www-elb"] } ] }
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void validateAcceptsSpigoJsonAndReportsCounts() throws IOException {
    Path file = write("netflixoss.json", NETFLIXOSS_SPIGO);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("valid spigo architecture \"netflixoss\": 8 tiers, 65 instances");
  }

  @Test
  void validateListsEveryProblemOfEveryFileAndExitsOne() throws IOException {
    Path bad =
        write(
            "bad.json",
            """
            { "arch": "bad", "services": [
              { "name": "a", "package": "nosuch", "count": -1, "regions": 1, "dependencies": ["x"] },
              { "name": "a", "package": "store", "count": 1, "regions": 1, "dependencies": [] } ] }
            """);
    Path good = write("good.json", NETFLIXOSS_SPIGO);
    CliRun run = CliRun.of("validate", bad.toString(), good.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            bad + ": services[1].name: duplicate tier name \"a\" (first defined at services[0])")
        .contains(bad + ": services[0].package: unknown package \"nosuch\"")
        .contains(bad + ": services[0].count: must not be negative (was -1)")
        .contains(bad + ": services[0].dependencies[0]: unknown tier \"x\"")
        .doesNotContain("Exception");
    assertThat(run.out()).contains(good + ": valid");
  }

  @Test
  void missingFileIsAnInputErrorNotAStackTrace() {
    CliRun run = CliRun.of("validate", dir.resolve("absent.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("absent.yaml").doesNotContain("Exception");
  }

  @Test
  void runRefusesARateOrSampleRateOutOfRangeBeforeStartingAnything() {
    CliRun rate = CliRun.of("run", "--rate", "-5", "x.yaml");
    assertThat(rate.exitCode()).isEqualTo(2);
    assertThat(rate.err()).contains("--rate: must be 0 or more requests per second (was -5.0)");
    CliRun sample = CliRun.of("run", "--sample-rate", "1.5", "x.yaml");
    assertThat(sample.exitCode()).isEqualTo(2);
    assertThat(sample.err()).contains("--sample-rate: must be between 0 and 1 (was 1.5)");
    CliRun warmup = CliRun.of("run", "--warmup", "5x", "x.yaml");
    assertThat(warmup.exitCode()).isEqualTo(2);
    assertThat(warmup.err()).contains("--warmup: \"5x\" is not a duration");
  }

  @Test
  void runTakesEveryRateTheSpecTakesZeroIncluded() {
    // Past option checks: the next complaint is the missing file, not the rate.
    CliRun zero = CliRun.of("run", "--rate", "0", dir.resolve("absent.yaml").toString());
    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(zero.err()).contains("absent.yaml").doesNotContain("--rate");
    CliRun high = CliRun.of("run", "--rate", "2000000", dir.resolve("absent.yaml").toString());
    assertThat(high.exitCode()).isEqualTo(1);
    assertThat(high.err()).doesNotContain("--rate");
  }

  @Test
  void runRefusesForceWithoutOut() {
    CliRun force = CliRun.of("run", "--force", "x.yaml");
    assertThat(force.exitCode()).isEqualTo(2);
    assertThat(force.err()).contains("--force: only with --out");
  }

  @Test
  void runRefusesAPortOutOfRange() {
    CliRun port = CliRun.of("run", "--port", "70000", "x.yaml");
    assertThat(port.exitCode()).isEqualTo(2);
    assertThat(port.err()).contains("--port: must be between 0 and 65535 (was 70000)");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("graph", "--colour", "x.yaml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--colour'");
  }

  @Test
  void graphJsonListsInstancesAndTierEdges() throws IOException {
    Path file = write("netflixoss.json", NETFLIXOSS_SPIGO);
    JsonNode graph = new ObjectMapper().readTree(CliRun.of("graph", file.toString()).out());
    assertThat(graph.get("instances")).hasSize(65);
    assertThat(graph.get("instances").get(0).toString())
        .isEqualTo(
            "{\"name\":\"netflixoss.us-east-1.zoneA.cassSubscriber00\",\"tier\":\"cassSubscriber\","
                + "\"package\":\"priamCassandra\",\"region\":\"us-east-1\",\"zone\":\"zoneA\"}");
    assertThat(graph.get("edges").toString())
        .contains("{\"from\":\"www\",\"to\":\"www-elb\"}")
        .contains("{\"from\":\"cassSubscriber\",\"to\":\"cassSubscriber\"}")
        .doesNotContain("eureka");
  }

  @Test
  void graphWithTwoRegionsDoublesRegionalTiersAndKeepsOneGlobal() throws IOException {
    Path file = write("netflixoss.json", NETFLIXOSS_SPIGO);
    JsonNode graph =
        new ObjectMapper().readTree(CliRun.of("graph", file.toString(), "--regions", "2").out());
    assertThat(graph.get("instances")).hasSize(2 * 64 + 1);
    long www = 0;
    for (JsonNode i : graph.get("instances")) {
      if (i.get("tier").asText().equals("www")) {
        www++;
        assertThat(i.get("region").asText()).isEqualTo("*");
      }
    }
    assertThat(www).isEqualTo(1);
  }

  @Test
  void graphRejectsTooManyRegionsWithOneMessage() throws IOException {
    Path file = write("netflixoss.json", NETFLIXOSS_SPIGO);
    CliRun run = CliRun.of("graph", file.toString(), "--regions", "7");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(file + ": regionCount: 7 exceeds the 6 region names defined");
  }

  @Test
  void graphSpigoFormatHasANodeWithAnIpPerInstance() throws IOException {
    Path file = write("netflixoss.json", NETFLIXOSS_SPIGO);
    JsonNode graph =
        new ObjectMapper().readTree(CliRun.of("graph", file.toString(), "--format", "spigo").out());
    assertThat(graph.get("version").asText()).isEqualTo("spigo-0.4");
    long nodes = 0;
    long edges = 0;
    for (JsonNode entry : graph.get("graph")) {
      if (entry.has("node")) {
        nodes++;
        assertThat(entry.get("metadata").asText()).matches("IP/127\\.\\d+\\.\\d+\\.\\d+");
      } else if (entry.has("edge")) {
        edges++;
      }
    }
    assertThat(nodes).isEqualTo(65);
    assertThat(edges).isPositive();
  }

  @Test
  void graphDotHasOneNodePerTier() throws IOException {
    Path file = write("netflixoss.json", NETFLIXOSS_SPIGO);
    String dot = CliRun.of("graph", file.toString(), "--format", "dot").out();
    assertThat(dot)
        .startsWith("digraph \"netflixoss\" {")
        .contains("\"login\" [label=\"login\\nkaryon x18\"];")
        .contains("\"wwwproxy\" -> \"homepage\";");
  }

  @Test
  void importSpigoPrintsAnArchitectureThatReadsBack() throws IOException {
    Path file =
        write("simpleV2.yml", NETFLIXOSS_SPIGO.replace("\"netflixoss\"", "\"simpleV2.yml\""));
    CliRun run = CliRun.of("import", "spigo", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            "apiVersion: simianviz.io/v1alpha1\nkind: Architecture\nmetadata:\n  name: simple-v2-yml\n")
        .contains("  - name: cassSubscriber\n    package: priamCassandra\n    count: 6\n");
    var back = ArchitectureFiles.parse(run.out(), "unused");
    assertThat(back.architecture().getSpec().getServices()).hasSize(8);
    assertThat(back.name()).isEqualTo("simple-v2-yml");
  }
}
