package io.simianviz.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.LoopbackAddresses;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.Request;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.discovery.LocalRegistry;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.trace.SpanExporter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drain ends when the instance's open calls are answered: at once for an idle instance, after the
 * slow call it serves (which is answered, not failed), and at its longest at the latest.
 */
class DrainTest {
  private static final Duration LONGEST = Duration.ofSeconds(4);

  @TempDir Path dir;
  Vertx vertx;
  ProcessContext process;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startProcess() {
    vertx = Vertx.vertx();
    process =
        new ProcessContext(
            vertx,
            new LocalRegistry(),
            CallPolicy.defaults(),
            SpanExporter.Options.toFile(dir.resolve("spans.json")),
            0.0);
  }

  @AfterEach
  void stopProcess() throws Exception {
    process.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** One store instance whose every request takes {@code serviceTime}. */
  private Nanoservice store(String serviceTime) throws Exception {
    String yaml =
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: drain}
        spec:
          services:
            - {name: db, package: store, count: 1, regions: 1, serviceTime: "%s"}
        """
            .formatted(serviceTime);
    ArchitectureSpec spec = ArchitectureFiles.parse(yaml, "drain.yaml").architecture().getSpec();
    Instance db =
        TopologyExpander.expand("drain", spec, new ExpansionOptions(null, null))
            .instances()
            .getFirst();
    Map<String, TierSpec> tiers = new HashMap<>();
    spec.getServices().forEach(t -> tiers.put(t.getName(), t));
    InstanceConfig config =
        InstanceConfig.of("drain", db, tiers, LoopbackAddresses.forOrdinal(db.ordinal()), 0);
    return await(Nanoservice.start(process, config));
  }

  /** A GET sent to the instance now, answered later. */
  private CompletableFuture<HttpResponse<String>> call(Nanoservice s) {
    URI uri =
        URI.create(
            "http://" + s.endpoint().host() + ":" + s.endpoint().port() + Nanoservice.REQUEST_PATH);
    return http.sendAsync(
        HttpRequest.newBuilder(uri)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Request.get("k").toJson().encode()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anIdleInstanceDrainsAtOnce() throws Exception {
    Nanoservice db = store("constant(0ms)");

    Drain.Outcome outcome = await(Drain.of(vertx, List.of(db), LONGEST));

    assertThat(outcome.complete()).isTrue();
    // The quiet time, not the longest drain.
    assertThat(outcome.tookMillis()).isLessThan(LONGEST.toMillis() / 2);
    await(db.stop());
  }

  @Test
  void aDrainWaitsForTheSlowCallItServesWhichIsAnswered() throws Exception {
    Nanoservice db = store("constant(1500ms)");
    CompletableFuture<HttpResponse<String>> answer = call(db);
    awaitServing(db);

    Drain.Outcome outcome = await(Drain.of(vertx, List.of(db), LONGEST));

    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.open()).isZero();
    // It ended once the server had answered the call (its count was 1 when the drain began): with
    // its reply, not an error.
    assertThat(db.inFlight()).isZero();
    assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    await(db.stop());
  }

  @Test
  void aDrainEndsAtItsLongestWithTheCallStillOpen() throws Exception {
    Nanoservice db = store("constant(5000ms)");
    CompletableFuture<HttpResponse<String>> answer = call(db);
    awaitServing(db);

    Drain.Outcome outcome = await(Drain.of(vertx, List.of(db), Duration.ofMillis(500)));

    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.open()).isEqualTo(1);
    assertThat(outcome.tookMillis()).isBetween(500L, 4_000L);
    assertThat(answer).isNotDone();
    await(db.crash());
  }

  private static void awaitServing(Nanoservice s) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (s.inFlight() == 0) {
      assertThat(System.nanoTime() - deadline).as("the call never arrived").isNegative();
      Thread.sleep(5);
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
