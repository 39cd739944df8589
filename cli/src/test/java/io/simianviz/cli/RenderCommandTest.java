package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  static List<JsonNode> documents(String yaml) throws IOException {
    return YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
  }

  private static Path examples() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d.resolve("examples");
      }
    }
    throw new IllegalStateException("no examples/ above " + Path.of("").toAbsolutePath());
  }

  static Map<String, Integer> kinds(List<JsonNode> docs) {
    Map<String, Integer> kinds = new TreeMap<>();
    docs.forEach(d -> kinds.merge(d.path("kind").asText(), 1, Integer::sum));
    return kinds;
  }

  @Test
  void rendersNetflixossAsMultiDocumentYaml() throws IOException {
    Path file = dir.resolve("netflixoss.json");
    Files.writeString(file, CliTest.NETFLIXOSS_SPIGO);
    CliRun run = CliRun.of("render", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("---\n");
    List<JsonNode> docs = documents(run.out());
    // 7 tiers with pods (www-elb is a Service only): 6 zonal tiers x 3 zones + www.
    assertThat(kinds(docs))
        .isEqualTo(
            Map.of(
                "ServiceAccount", 1, "NetworkPolicy", 8, "Service", 7 + 18 + 1, "Deployment", 19));
    int replicas =
        docs.stream()
            .filter(d -> d.path("kind").asText().equals("Deployment"))
            .mapToInt(d -> d.path("spec").path("replicas").asInt())
            .sum();
    assertThat(replicas).isEqualTo(65 - 1); // every instance but the elb's
    assertThat(docs)
        .allMatch(d -> d.path("metadata").path("namespace").isMissingNode())
        .allMatch(d -> d.path("metadata").path("name").asText().length() <= 63);
  }

  @Test
  void hpaOptionGivesAutoscaledTiersHpasAndLeavesThemTheReplicas() throws IOException {
    Path file = examples().resolve("evolution").resolve("autoscale.yaml");
    List<JsonNode> plain = documents(CliRun.of("render", file.toString()).out());
    assertThat(kinds(plain)).doesNotContainKey("HorizontalPodAutoscaler");

    CliRun run = CliRun.of("render", file.toString(), "--hpa-cpu-utilization", "60");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> docs = documents(run.out());
    assertThat(kinds(docs)).containsEntry("HorizontalPodAutoscaler", 3);
    assertThat(docs)
        .filteredOn(d -> d.path("kind").asText().equals("HorizontalPodAutoscaler"))
        .allMatch(
            d ->
                d.at("/spec/metrics/0/resource/target/averageUtilization").asInt() == 60
                    && d.at("/spec/scaleTargetRef/name").asText().startsWith("autoscale-node-"));
    assertThat(docs)
        .filteredOn(
            d ->
                d.path("kind").asText().equals("Deployment")
                    && d.at("/metadata/name").asText().startsWith("autoscale-node-"))
        .hasSize(3)
        .allMatch(d -> d.at("/spec/replicas").isMissingNode());

    CliRun bad = CliRun.of("render", file.toString(), "--hpa-cpu-utilization", "0");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--hpa-cpu-utilization: hpaCpuUtilization must be 1..1000");
  }

  @Test
  void namespaceAndImageOptionsApplyToEveryObjectAndPod() throws IOException {
    Path file = dir.resolve("netflixoss.json");
    Files.writeString(file, CliTest.NETFLIXOSS_SPIGO);
    CliRun run =
        CliRun.of("render", file.toString(), "--namespace", "demo", "--image", "local/nano:dev");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> docs = documents(run.out());
    assertThat(docs).allMatch(d -> d.path("metadata").path("namespace").asText().equals("demo"));
    assertThat(docs)
        .filteredOn(d -> d.path("kind").asText().equals("Deployment"))
        .allMatch(
            d -> d.at("/spec/template/spec/containers/0/image").asText().equals("local/nano:dev"));
  }

  @Test
  void segmentationCanBeSwitchedOffInTheFile() throws IOException {
    Path file = dir.resolve("plain.yaml");
    Files.writeString(
        file,
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata:
          name: plain
        spec:
          segmentation:
            enabled: false
          services:
            - name: store
              package: store
              count: 2
        """);
    CliRun run = CliRun.of("render", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(kinds(documents(run.out())))
        .isEqualTo(Map.of("ServiceAccount", 1, "Service", 3, "Deployment", 2));
  }

  @Test
  void invalidFileExitsOneWithEveryProblemAndNoOutput() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata:
          name: bad
        spec:
          services:
            - name: a
              package: nosuch
              count: 1
              dependencies: [x]
        """);
    CliRun run = CliRun.of("render", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(file + ": services[0].package: unknown package \"nosuch\"")
        .contains(file + ": services[0].dependencies[0]: unknown tier \"x\"")
        .doesNotContain("Exception");
  }

  @Test
  void missingFileExitsOne() {
    CliRun run = CliRun.of("render", dir.resolve("absent.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no such file");
  }
}
