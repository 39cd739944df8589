package io.simianviz.service;

import static io.simianviz.model.TierPackage.DENOMINATOR;
import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.traffic.TrafficSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An instance's count of its open calls ({@link Nanoservice#inFlight}), what a drain waits for: a
 * request it serves counts until it is answered, whatever protocol brought it, and so does a
 * request its traffic source sent.
 */
@ParameterizedClass(name = "over {0}")
@EnumSource(Protocol.class)
class InFlightTest {
  @Parameter Protocol protocol;
  @TempDir Path dir;
  Fleet fleet;

  @AfterEach
  void stop() {
    fleet.close();
  }

  private void startFleet() {
    fleet = new Fleet(dir, CallPolicy.defaults());
    fleet.serve("db", protocol).serve("web", protocol);
  }

  @Test
  void aRequestBeingServedCountsUntilItIsAnsweredOnTheServerAndItsCaller() throws Exception {
    startFleet();
    Nanoservice db =
        fleet.start(Fleet.withServiceTime(Fleet.config("db", STORE, "zoneA"), "constant(400ms)"));
    Nanoservice web = fleet.start(Fleet.config("web", KARYON, "zoneA", "db:store"));
    assertThat(db.inFlight()).isZero();
    assertThat(web.inFlight()).isZero();

    CompletableFuture<Reply> answer =
        CompletableFuture.supplyAsync(() -> fleet.call(web, Request.get("k"), null));
    awaitTrue(() -> db.inFlight() == 1, "db serving the call");
    // web serves the request while its own call to db is open.
    assertThat(web.inFlight()).isEqualTo(1);

    assertThat(answer.get().status()).isEqualTo(200);
    awaitTrue(() -> db.inFlight() == 0 && web.inFlight() == 0, "both back to 0");
  }

  @Test
  void aTrafficSourceCountsTheRequestsItSentUntilTheyHaveTheirOutcome() throws Exception {
    startFleet();
    fleet.start(Fleet.withServiceTime(Fleet.config("db", STORE, "zoneA"), "constant(300ms)"));
    Nanoservice www = fleet.start(Fleet.config("www", DENOMINATOR, "zoneA", "db:store"));
    TrafficSource traffic = www.startTraffic(TrafficSource.Options.of(50, 1, 0));

    awaitTrue(() -> www.inFlight() > 0, "requests sent and not answered");
    Fleet.await(traffic.stop());
    awaitTrue(() -> www.inFlight() == 0, "every request answered after the source stopped");
    assertThat(traffic.inFlight()).isZero();
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.sleep(5);
    }
  }
}
