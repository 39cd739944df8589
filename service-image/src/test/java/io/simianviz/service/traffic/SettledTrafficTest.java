package io.simianviz.service.traffic;

import static io.simianviz.model.TierPackage.DENOMINATOR;
import static io.simianviz.model.TierPackage.ELB;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.chaos.TrafficCounters;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.WindowFigures;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.Fleet;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.Reply;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.InstanceMetrics;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A traffic source's settled counters: over loopback to a real elb and store, and through a client
 * that never answers. A short call timeout keeps the deadline near 2 s.
 */
class SettledTrafficTest {
  private static final CallPolicy POLICY =
      CallPolicy.defaults().withTimeout(Duration.ofMillis(250)).withMaxRetries(1);

  @TempDir Path dir;
  Fleet fleet;

  @AfterEach
  void stop() {
    fleet.close();
  }

  private Nanoservice denominatorWithDependencies() {
    fleet = new Fleet(dir, POLICY);
    fleet.start(Fleet.config("db", STORE, "zoneA"));
    fleet.start(Fleet.config("lb", ELB, Instance.ANY, "db:store"));
    return fleet.start(Fleet.config("www", DENOMINATOR, Instance.ANY, "lb:elb"));
  }

  @Test
  void theDeadlineIsTheLongestCallPlusAMargin() {
    fleet = new Fleet(dir, POLICY);
    assertThat(TrafficSource.deadline(fleet.process)).isEqualTo(Duration.ofMillis(2_000));
  }

  @Test
  void everyRequestIsSettledOnceAndTheLastOnesWithoutWaitingForTheDeadline() throws Exception {
    TrafficSource traffic = denominatorWithDependencies().startTraffic(options(200));
    List<TrafficReading> readings = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
    while (System.nanoTime() < end) {
      readings.add(readings.size() % 2 == 0 ? traffic.settled() : traffic.settledNow());
      if (readings.size() == 5) {
        traffic.resetSummary();
      }
      Thread.sleep(100);
    }
    Fleet.await(traffic.stop());
    Fleet.eventually(Duration.ofSeconds(10), () -> traffic.inFlight() == 0);
    Fleet.eventually(Duration.ofSeconds(1), () -> traffic.settledNow().sent() == traffic.sent());
    TrafficReading last = traffic.settledNow();
    readings.add(last);

    for (int i = 1; i < readings.size(); i++) {
      WindowFigures w = readings.get(i).since(readings.get(i - 1));
      assertThat(w.answered() + w.errors() + w.lost()).isEqualTo(w.requests());
    }
    assertThat(last.sent()).isEqualTo(traffic.sent()).isGreaterThan(300);
    // Every call is answered, if need be with an error when it timed out: none is lost.
    assertThat(last.lost()).isZero();
    assertThat(last.answered()).isPositive();
    assertThat(last.latencyMicros().getTotalCount()).isEqualTo(last.sent());
    assertThat(last.throughMillis()).isLessThanOrEqualTo(System.currentTimeMillis() + 100);
    // The warm-up's end resets the summary, never the settled counters.
    assertThat(traffic.summary().requests()).isLessThan(last.sent());
    assertThat(traffic.lateAnswers()).isZero();
  }

  @Test
  void statsCarriesTheSettledCountersInTheirJsonForm() throws Exception {
    Nanoservice denominator = denominatorWithDependencies();
    TrafficSource traffic = denominator.startTraffic(options(100));
    Fleet.eventually(Duration.ofSeconds(10), () -> traffic.settled().sent() > 0);

    String response = fleet.get(denominator, "/stats");

    assertThat(response).startsWith("200 ");
    JsonNode stats = new ObjectMapper().readTree(response.substring(4));
    TrafficReading reading =
        new ObjectMapper().treeToValue(stats.get("settled"), TrafficCounters.class).toReading();
    assertThat(reading.sent()).isPositive();
    assertThat(reading.lost()).isZero();
    assertThat(reading.latencyMicros().getTotalCount()).isEqualTo(reading.sent());
    assertThat(reading.throughMillis()).isGreaterThan(System.currentTimeMillis() - 10_000);
    assertThat(stats.get("traffic").get("lateAnswers").asLong()).isZero();
    assertThat(traffic.settled().since(reading).requests()).isNotNegative();
  }

  @Test
  void aCallNeverAnsweredIsLostAfterTheDeadlineAndItsLateAnswerIsNotCountedAgain()
      throws Exception {
    fleet = new Fleet(dir, POLICY);
    InstanceConfig www = Fleet.config("www", DENOMINATOR, Instance.ANY, "lb:elb");
    ConcurrentLinkedQueue<Promise<Reply>> unanswered = new ConcurrentLinkedQueue<>();
    TrafficSource traffic =
        TrafficSource.start(
            fleet.process,
            www,
            new InstanceMetrics(fleet.process.stats(), www),
            (tier, request, parent) -> {
              Promise<Reply> never = Promise.promise();
              unanswered.add(never);
              return never.future();
            },
            options(50));
    Fleet.eventually(Duration.ofSeconds(10), () -> traffic.sent() >= 10);
    Fleet.await(traffic.stop());
    long sent = traffic.sent();

    Thread.sleep(1_000);
    assertThat(traffic.settledNow().sent()).isLessThan(sent);
    Fleet.eventually(Duration.ofSeconds(5), () -> traffic.settled().sent() == sent);
    TrafficReading lost = traffic.settled();
    assertThat(lost.lost()).isEqualTo(sent);

    unanswered.forEach(p -> p.complete(new Reply(200, new JsonObject())));
    Fleet.eventually(Duration.ofSeconds(5), () -> traffic.inFlight() == 0);
    TrafficReading after = traffic.settledNow();
    assertThat(after.lost()).isEqualTo(sent);
    assertThat(after.answered()).isZero();
    assertThat(traffic.lateAnswers()).isEqualTo(sent);
  }

  private static TrafficSource.Options options(double rate) {
    return TrafficSource.Options.of(rate, 1, 1);
  }
}
