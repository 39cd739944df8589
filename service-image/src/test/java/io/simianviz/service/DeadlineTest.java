package io.simianviz.service;

import static io.simianviz.model.TierPackage.KARYON;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.call.DeadlineHeaders;
import io.simianviz.service.serve.Nanoservice;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON request's deadline ({@value DeadlineHeaders#JSON}) travels on: a tier refuses a request
 * whose caller has given up, bounds its calls by the time left and retries only within it; a
 * request without one is served as before.
 */
class DeadlineTest {
  private static final Duration TIMEOUT = Duration.ofMillis(600);

  @TempDir Path dir;
  Fleet fleet;
  DeadlineFixture db;
  Nanoservice web;

  @BeforeEach
  void start() {
    fleet = new Fleet(dir, CallPolicy.defaults().withTimeout(TIMEOUT).withMaxRetries(2));
    db = new DeadlineFixture(fleet);
    web = fleet.start(Fleet.config("web", KARYON, "zoneA", "db:store"));
  }

  @AfterEach
  void stop() {
    db.close();
    fleet.close();
  }

  /** A request to the web tier, with the time left in milliseconds or none when null. */
  private Reply call(Long timeLeftMs) throws Exception {
    var builder =
        HttpRequest.newBuilder(
                URI.create(
                    "http://"
                        + web.endpoint().host()
                        + ":"
                        + web.endpoint().port()
                        + Nanoservice.REQUEST_PATH))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Request.get("k").toJson().encode()));
    if (timeLeftMs != null) {
      builder.header(DeadlineHeaders.JSON, Long.toString(timeLeftMs));
    }
    HttpResponse<String> response =
        fleet.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), new JsonObject(response.body()));
  }

  @Test
  void aRequestWithNoTimeLeftIsRefusedAtOnceAndCallsNothing() throws Exception {
    Reply reply = call(0L);

    assertThat(reply.status()).isEqualTo(Reply.TIMEOUT);
    assertThat(reply.errorMessage()).contains("deadline passed before");
    Thread.sleep(100);
    assertThat(db.timeLeftMs).isEmpty();
  }

  @Test
  void aCallIsBoundedByTheTimeLeftAndNotRetriedPastIt() throws Exception {
    Reply reply = call(300L);

    assertThat(reply.status()).isEqualTo(Reply.TIMEOUT);
    // One attempt, told at most the time left less the margin, and no retry after it timed out.
    assertThat(db.timeLeftMs).hasSize(1);
    assertThat(db.timeLeftMs.get(0))
        .isGreaterThan(0)
        .isLessThanOrEqualTo(300 - CallPolicy.DEADLINE_MARGIN.toMillis());
  }

  @Test
  void aRequestWithoutADeadlineIsCalledWithTheFullTimeoutAndRetried() throws Exception {
    Reply reply = call(null);

    assertThat(reply.status()).isEqualTo(Reply.TIMEOUT);
    // As before: every attempt, each with the policy's whole timeout, which it now says.
    Fleet.eventually(Duration.ofSeconds(5), () -> db.timeLeftMs.size() == 3);
    assertThat(db.timeLeftMs)
        .allSatisfy(
            ms ->
                assertThat(ms)
                    .isGreaterThan(TIMEOUT.toMillis() / 2)
                    .isLessThanOrEqualTo(TIMEOUT.toMillis()));
  }
}
