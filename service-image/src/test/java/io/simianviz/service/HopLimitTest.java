package io.simianviz.service;

import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.ZUUL;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.Defaults;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Two routers that call each other: every request stops at the hop limit, counted, not a storm. */
@ParameterizedClass(name = "over {0}")
@EnumSource(Protocol.class)
class HopLimitTest {
  @Parameter Protocol protocol;
  @TempDir Path dir;
  Fleet fleet;
  Nanoservice front;

  @BeforeEach
  void startLoop() {
    fleet = new Fleet(dir, CallPolicy.defaults());
    fleet.serve("front", protocol);
    fleet.serve("back", protocol);
    front = fleet.start(Fleet.config("front", ZUUL, "zoneA", "back:karyon"));
    fleet.start(Fleet.config("back", KARYON, "zoneA", "front:zuul"));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void aLoopingRequestFailsAtTheHopLimitAndEveryHopCountsIt() {
    Reply reply = fleet.call(front, Request.get("k"), null);

    assertThat(reply.isError()).isTrue();
    assertThat(reply.body().encode()).contains("hop limit of " + Defaults.HOP_LIMIT + " reached");
    long frontServed = fleet.stats(Series.Kind.SERVICE, "front", "GET").count();
    long backServed = fleet.stats(Series.Kind.SERVICE, "back", "GET").count();
    // the request passed HOP_LIMIT servers, then one more refused it
    assertThat(frontServed + backServed).isEqualTo(Defaults.HOP_LIMIT + 1);
    assertThat(fleet.stats(Series.Kind.SERVICE, "front", "GET").errors()).isEqualTo(frontServed);
  }
}
