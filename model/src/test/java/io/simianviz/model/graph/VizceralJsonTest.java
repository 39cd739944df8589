package io.simianviz.model.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.live.LiveArchitectureTest;
import io.simianviz.model.live.LiveSnapshot;
import io.simianviz.model.live.Reading;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VizceralJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Set<ValidationMessage> problems(String json) throws Exception {
    JsonSchema schema;
    try (InputStream in =
        VizceralJsonTest.class.getResourceAsStream("/vizceral/traffic.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    return schema.validate(JSON.readTree(json));
  }

  private static LiveSnapshot running() {
    AtomicLong clock = new AtomicLong();
    var topology = LiveArchitectureTest.smallTopology();
    LiveArchitecture live = LiveArchitecture.of(topology, clock::get);
    topology.instances().forEach(i -> live.instanceState(i.name(), InstanceState.READY));
    live.edgeReading("www", "elb", new Reading(0, 0, 0, null));
    live.edgeReading("elb", "web", new Reading(0, 0, 0, null));
    live.edgeReading("web", "db", new Reading(0, 0, 0, null));
    clock.set(1000);
    live.edgeReading("www", "elb", new Reading(1000, 100, 10, null));
    live.edgeReading("elb", "web", new Reading(1000, 90, 0, null));
    live.edgeReading("web", "db", new Reading(1000, 60, 0, null));
    live.instanceState("t.r1.b.web01", InstanceState.KILLED);
    live.event(EventKind.KILL, "chaos monkey killed t.r1.b.web01", "t.r1.b.web01");
    return live.snapshot();
  }

  @Test
  void followsVizceralsFormat() throws Exception {
    String json = VizceralJson.of(running(), 1_700_000_000_000L);
    assertThat(problems(json)).isEmpty();
    JsonNode top = JSON.readTree(json);
    assertThat(top.path("renderer").asText()).isEqualTo("global");
    assertThat(top.path("nodes"))
        .extracting(n -> n.path("name").asText())
        .containsExactly("INTERNET", "r1");
    JsonNode r1 = top.path("nodes").get(1);
    assertThat(r1.path("nodes"))
        .extracting(n -> n.path("name").asText())
        .containsExactly("INTERNET", "elb", "web", "db");
    // The traffic source is the Internet; failed requests are danger.
    JsonNode in = r1.path("connections").get(0);
    assertThat(in.path("source").asText()).isEqualTo("INTERNET");
    assertThat(in.path("target").asText()).isEqualTo("elb");
    assertThat(in.path("metrics").path("normal").asDouble()).isEqualTo(90.0);
    assertThat(in.path("metrics").path("danger").asDouble()).isEqualTo(10.0);
    assertThat(in.path("class").asText()).isEqualTo("danger");
    assertThat(top.path("connections").get(0).path("metrics").path("danger").asDouble())
        .isEqualTo(10.0);
    // A killed instance: its tier is a warning, with the kill as a notice.
    JsonNode web = r1.path("nodes").get(2);
    assertThat(web.path("class").asText()).isEqualTo("warning");
    assertThat(web.path("notices").get(0).path("title").asText())
        .isEqualTo("chaos monkey killed t.r1.b.web01");
    assertThat(web.path("notices").get(0).path("severity").asInt()).isEqualTo(1);
  }

  @Test
  void carriesTheSnapshotForTheStaticView() throws Exception {
    LiveSnapshot s = running();
    assertThat(VizceralJson.snapshotOf(VizceralJson.of(s, 0))).isEqualTo(s);
  }

  @Test
  void aDrawingWithoutARunFollowsTheFormatToo() throws Exception {
    String json = GraphFormats.vizceral(LiveArchitectureTest.smallTopology(), Instant.EPOCH);
    assertThat(problems(json)).isEmpty();
    assertThat(JSON.readTree(json).path("nodes").get(1).path("connections").size()).isEqualTo(3);
  }

  @Test
  void theSchemaRefusesWhatVizceralWouldNotRead() throws Exception {
    assertThat(
            problems(
                "{\"renderer\":\"global\",\"name\":\"edge\",\"nodes\":[{\"name\":\"x\"}],"
                    + "\"connections\":[]}"))
        .isNotEmpty();
    assertThat(
            problems(
                "{\"renderer\":\"global\",\"name\":\"edge\",\"nodes\":[],"
                    + "\"connections\":[{\"source\":\"a\",\"target\":\"b\",\"metrics\":{\"normal\":-1}}]}"))
        .isNotEmpty();
  }
}
