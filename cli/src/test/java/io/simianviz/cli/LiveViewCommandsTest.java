package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `graph --format vizceral`, `view`, and the view's options of `run`. */
class LiveViewCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void graphPrintsVizceralsFormat() throws Exception {
    CliRun r = CliRun.of("graph", "../examples/netflixoss.yaml", "--format", "vizceral");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode top = JSON.readTree(r.out());
    assertThat(top.path("renderer").asText()).isEqualTo("global");
    JsonNode region = top.path("nodes").get(1);
    assertThat(region.path("renderer").asText()).isEqualTo("region");
    assertThat(region.path("name").asText()).isEqualTo("us-east-1");
    assertThat(region.path("nodes").get(0).path("name").asText()).isEqualTo("INTERNET");
    assertThat(region.path("connections").size()).isEqualTo(8);
  }

  @Test
  void viewRefusesADirectoryWithoutARun() {
    CliRun r = CliRun.of("view", dir.toString());
    assertThat(r.exitCode()).isEqualTo(Simianviz.INVALID_INPUT);
    assertThat(r.err()).contains("vizceral.json not found");
  }

  @Test
  void runRefusesAUiPortOutOfRange() {
    CliRun r = CliRun.of("run", "../examples/lamp.yaml", "--ui", "70000");
    assertThat(r.exitCode()).isEqualTo(Simianviz.USAGE);
    assertThat(r.err()).contains("--ui: must be between 0 and 65535 (was 70000)");
  }
}
