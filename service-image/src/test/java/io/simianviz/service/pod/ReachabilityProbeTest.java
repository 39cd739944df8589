package io.simianviz.service.pod;

import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.Fleet;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin endpoint /probe, which the operator uses to check segmentation. */
class ReachabilityProbeTest {
  @TempDir Path dir;
  Fleet fleet;

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void aListeningPortIsReachableAndAClosedOneIsRefusedNotBlocked() throws Exception {
    fleet = new Fleet(dir, CallPolicy.defaults());
    Nanoservice prober = fleet.start(Fleet.config("web", STORE, "zoneA"));
    Nanoservice target = fleet.start(Fleet.config("db", STORE, "zoneA"));
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }

    JsonObject open = probe(prober, target.endpoint().host(), target.endpoint().port());
    JsonObject closed = probe(prober, "127.0.0.1", closedPort);

    assertThat(open.getString("outcome")).isEqualTo("connected");
    assertThat(open.getBoolean("reachable")).isTrue();
    assertThat(open.getLong("millis")).isBetween(0L, 1000L);
    assertThat(closed.getString("outcome")).isEqualTo("refused");
    assertThat(closed.getBoolean("reachable")).isFalse();
  }

  @Test
  void badParametersAreA400ThatSaysWhatIsExpected() {
    fleet = new Fleet(dir, CallPolicy.defaults());
    Nanoservice prober = fleet.start(Fleet.config("web", STORE, "zoneA"));
    for (String query :
        new String[] {"", "?host=x", "?host=x&port=0", "?host=x&port=80&timeoutMs=0"}) {
      assertThat(fleet.get(prober, "/probe" + query))
          .isEqualTo(
              "400 {\"error\":\"expected /probe?host=H&port=1..65535[&timeoutMs=1..10000]\"}");
    }
  }

  private JsonObject probe(Nanoservice prober, String host, int port) {
    String answer = fleet.get(prober, "/probe?host=" + host + "&port=" + port + "&timeoutMs=2000");
    assertThat(answer).startsWith("200 ");
    return new JsonObject(answer.substring(4));
  }
}
