package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graph --format dot}: regions and zones are clusters, and Graphviz reads the result. */
class GraphDotTest {
  @TempDir Path dir;

  private String dot(String... extra) throws IOException {
    Path file = dir.resolve("netflixoss.json");
    Files.writeString(file, CliTest.NETFLIXOSS_SPIGO);
    String[] args = new String[3 + extra.length];
    args[0] = "graph";
    args[1] = file.toString();
    args[2] = "--format=dot";
    System.arraycopy(extra, 0, args, 3, extra.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).isZero();
    return run.out();
  }

  @Test
  void twoRegionsAreTwoClustersEachWithItsZonesAndItsOwnTierNodes() throws IOException {
    String dot = dot("--regions", "2");
    assertThat(dot)
        .contains("subgraph \"cluster_us-east-1\" {")
        .contains("subgraph \"cluster_us-west-2\" {")
        .contains("subgraph \"cluster_us-west-2/zoneC\" {")
        .contains("\"login@us-west-2\" [label=\"login\\nkaryon x18\"];")
        .contains("\"wwwproxy@us-east-1\" -> \"homepage@us-east-1\";")
        .doesNotContain("\"wwwproxy@us-east-1\" -> \"homepage@us-west-2\";")
        // the global traffic source stands outside the regions and reaches both
        .contains("\"www\" -> \"www-elb@us-east-1\";")
        .contains("\"www\" -> \"www-elb@us-west-2\";");
  }

  @Test
  void aZoneListsHowManyInstancesOfEachTierItHolds() throws IOException {
    assertThat(dot())
        .contains(
            "\"us-east-1/zoneA\" [label=\"cassSubscriber x2\\levcacheSubscriber x1\\lsubscriber"
                + " x2\\llogin x6\\lhomepage x8\\lwwwproxy x2\\l\", shape=plaintext];");
  }

  @Test
  void graphvizRendersIt() throws Exception {
    Path graphviz = Path.of("/usr/bin/dot");
    assumeTrue(
        Files.isExecutable(graphviz),
        "Graphviz is not installed (apt-get install graphviz): the dot output was not rendered");
    Path in = dir.resolve("g.dot");
    Files.writeString(in, dot("--regions", "3"));
    Process p =
        new ProcessBuilder(graphviz.toString(), "-Tsvg", in.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    // SVG text escapes the hyphen
    assertThat(out.replace("&#45;", "-"))
        .contains("<svg")
        .contains("eu-west-1")
        .doesNotContain("Warning");
  }
}
