package io.simianviz.service;

import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preStop hook's {@code /drain}: readiness turns false at once over HTTP and gRPC health, calls
 * that still arrive are answered, and the hook's request returns only after the wait.
 */
class DrainTest {
  @TempDir Path dir;
  Fleet fleet;
  Nanoservice db;
  ManagedChannel channel;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    fleet = new Fleet(dir, CallPolicy.defaults()).serve("db", Protocol.GRPC);
    db = fleet.start(Fleet.config("db", STORE, "zoneA"));
    channel =
        Grpc.newChannelBuilderForAddress(
                db.endpoint().host(), db.endpoint().port(), InsecureChannelCredentials.create())
            .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    fleet.close();
  }

  @Test
  void aDrainingInstanceIsNotReadyButAnswersUntilTheWaitIsOver() throws Exception {
    assertThat(fleet.get(db, "/health/ready")).startsWith("200 ");
    assertThat(grpcHealth()).isEqualTo(ServingStatus.SERVING);

    CompletableFuture<HttpResponse<String>> hook = drain("?seconds=30");

    Fleet.eventually(
        Duration.ofSeconds(10), () -> fleet.get(db, "/health/ready").startsWith("503 "));
    assertThat(grpcHealth()).isEqualTo(ServingStatus.NOT_SERVING);
    // Callers that still find it (their endpoints not yet updated) get answers.
    for (int i = 0; i < 5; i++) {
      assertThat(fleet.call(db, Request.get("k" + i), null).status()).isEqualTo(200);
    }
    assertThat(hook).as("the hook returns only after the drain wait").isNotDone();
  }

  @Test
  void theHookReturnsAfterTheWait() throws Exception {
    HttpResponse<String> done = drain("?seconds=1").get(10, TimeUnit.SECONDS);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("\"DRAINED\"").contains("\"seconds\":1");
    assertThat(fleet.get(db, "/health/ready")).startsWith("503 ");
  }

  @Test
  void aWaitOutOfRangeIsRefusedAndLeavesTheInstanceReady() {
    assertThat(fleet.get(db, "/drain?seconds=61")).startsWith("400 ").contains("seconds=0..60");
    assertThat(fleet.get(db, "/health/ready")).startsWith("200 ");
  }

  private CompletableFuture<HttpResponse<String>> drain(String query) {
    URI uri =
        URI.create(
            "http://" + db.endpoint().host() + ":" + db.endpoint().port() + "/drain" + query);
    return http.sendAsync(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private ServingStatus grpcHealth() {
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService("").build())
        .getStatus();
  }
}
