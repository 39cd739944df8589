package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.local.live.StaticView;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.model.graph.VizceralJson;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveSnapshot;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `simianviz run` with its view: the address first, the page, the stream, vizceral.json. */
class LiveViewRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path out;

  private String get(String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body();
  }

  @Test
  void servesThePageAndStreamWhileRunningAndLeavesVizceralJson() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return LocalRuntime.runUntil(
                    TestRuns.lamp(""),
                    null,
                    TestRuns.options(out, Duration.ZERO, null),
                    List.of(),
                    ViewOptions.anyPort(),
                    new Console(new PrintStream(console, true, StandardCharsets.UTF_8), false),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    stop);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String url = null;
    for (int i = 0; i < 200 && url == null; i++) {
      String text = console.toString(StandardCharsets.UTF_8);
      if (text.contains("all 23 instances up")) {
        url = text.lines().findFirst().orElseThrow();
      }
      Thread.sleep(50);
    }
    assertThat(url).as("the first console line").startsWith("view: http://127.0.0.1:");
    String base = url.substring("view: ".length());
    assertThat(get(base)).contains("<script type=\"module\" src=\"/ui/app.js\">");
    assertThat(get(base + "ui/layout.js")).contains("export function layout");
    assertThat(get(base + "lib/cytoscape.mjs")).contains("export");
    // The stream's first event is the model now.
    HttpResponse<InputStream> events =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "live/events")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.headers().firstValue("content-type")).hasValue("text/event-stream");
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
      String data;
      do {
        data = r.readLine();
      } while (data != null && !data.startsWith("data: "));
      assertThat(data).isNotNull();
      LiveSnapshot s = LiveSnapshot.fromJson(data.substring("data: ".length()));
      assertThat(s.arch()).isEqualTo("lamp");
      assertThat(s.tiers()).hasSize(5);
    }
    Thread.sleep(1500);
    LiveSnapshot now = LiveSnapshot.fromJson(get(base + "live/snapshot"));
    assertThat(now.edges()).allSatisfy(e -> assertThat(e.figures().rps()).isPositive());
    assertThat(now.regions().get(0).zones().get(0).tiers().get(0).instances())
        .allSatisfy(i -> assertThat(i.state()).isEqualTo(InstanceState.READY));
    assertThat(JSON.readTree(get(base + "vizceral.json")).path("renderer").asText())
        .isEqualTo("global");

    stop.countDown();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    String written = Files.readString(out.resolve("vizceral.json"));
    JsonNode top = JSON.readTree(written);
    assertThat(top.path("nodes").get(1).path("name").asText()).isEqualTo("us-east-1");
    assertThat(VizceralJson.snapshotOf(written).arch()).isEqualTo("lamp");

    // simianviz view: the final state served again from that file.
    try (StaticView view = StaticView.start(out.resolve("vizceral.json"), 0)) {
      LiveSnapshot replay = LiveSnapshot.fromJson(get(view.url() + "live/snapshot"));
      assertThat(replay).isEqualTo(VizceralJson.snapshotOf(written));
      assertThat(get(view.url())).contains("/ui/app.js");
    }
  }
}
