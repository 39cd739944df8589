package io.simianviz.model.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.simianviz.model.TierPackage;
import io.simianviz.model.topology.Edge;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

public class LiveArchitectureTest {
  private final AtomicLong clock = new AtomicLong();

  /** www (global) -> elb (regional) -> web (two zones) -> db (one zone). */
  public static Topology smallTopology() {
    return new Topology(
        "t",
        List.of(
            new Instance("t.*.*.www00", "www", TierPackage.DENOMINATOR, "*", "*", 0, 0),
            new Instance("t.r1.*.elb00", "elb", TierPackage.ELB, "r1", "*", 0, 1),
            new Instance("t.r1.a.web00", "web", TierPackage.MONOLITH, "r1", "a", 0, 2),
            new Instance("t.r1.b.web01", "web", TierPackage.MONOLITH, "r1", "b", 1, 3),
            new Instance("t.r1.a.web02", "web", TierPackage.MONOLITH, "r1", "a", 2, 4),
            new Instance("t.r1.a.db00", "db", TierPackage.STORE, "r1", "a", 0, 5)),
        List.of(
            new Edge("www", "elb"),
            new Edge("elb", "web"),
            new Edge("web", "db"),
            new Edge("db", "db")));
  }

  private LiveArchitecture live() {
    return LiveArchitecture.of(smallTopology(), clock::get);
  }

  @Test
  void regionsZonesTiersAndInstancesInTopologyOrder() {
    LiveSnapshot s = live().snapshot();
    assertThat(s.regions()).extracting(LiveSnapshot.Region::name).containsExactly("*", "r1");
    LiveSnapshot.Region r1 = s.regions().get(1);
    assertThat(r1.zones()).extracting(LiveSnapshot.Zone::name).containsExactly("*", "a", "b");
    assertThat(r1.zones().get(1).tiers())
        .extracting(LiveSnapshot.ZoneTier::name)
        .containsExactly("web", "db");
    assertThat(r1.zones().get(1).tiers().get(0).instances())
        .extracting(LiveSnapshot.InstanceView::name)
        .containsExactly("t.r1.a.web00", "t.r1.a.web02");
    assertThat(s.tiers())
        .extracting(LiveSnapshot.Tier::name, LiveSnapshot.Tier::pkg, LiveSnapshot.Tier::total)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("www", "denominator", 1),
            org.assertj.core.groups.Tuple.tuple("elb", "elb", 1),
            org.assertj.core.groups.Tuple.tuple("web", "monolith", 3),
            org.assertj.core.groups.Tuple.tuple("db", "store", 1));
    // Peer replication (a self edge) is not a tier-to-tier edge.
    assertThat(s.edges())
        .extracting(LiveSnapshot.TierEdge::from, LiveSnapshot.TierEdge::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("www", "elb"),
            org.assertj.core.groups.Tuple.tuple("elb", "web"),
            org.assertj.core.groups.Tuple.tuple("web", "db"));
  }

  @Test
  void statesCountTowardsReadiness() {
    LiveArchitecture live = live();
    assertThat(live.snapshot().tiers().get(2).ready()).isZero();
    live.instanceState("t.r1.a.web00", InstanceState.READY);
    live.instanceState("t.r1.b.web01", InstanceState.READY);
    live.instanceState("t.r1.a.web02", InstanceState.KILLED);
    LiveSnapshot s = live.snapshot();
    assertThat(s.tiers().get(2).ready()).isEqualTo(2);
    assertThat(live.state("t.r1.a.web02")).isEqualTo(InstanceState.KILLED);
    assertThat(s.toJson()).contains("\"state\":\"killed\"");
    assertThatThrownBy(() -> live.instanceState("nope", InstanceState.READY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void eventsAreNumberedStampedAndBounded() {
    LiveArchitecture live = live();
    clock.set(1500);
    LiveEvent kill = live.event(EventKind.KILL, "chaos monkey killed web00", "t.r1.a.web00");
    assertThat(kill.seq()).isEqualTo(1);
    assertThat(kill.atMs()).isEqualTo(1500);
    assertThat(kill.instances()).containsExactly("t.r1.a.web00");
    for (int i = 0; i < LiveArchitecture.EVENTS_KEPT + 10; i++) {
      live.event(EventKind.NOTE, "note " + i);
    }
    List<LiveEvent> events = live.snapshot().events();
    assertThat(events).hasSize(LiveArchitecture.EVENTS_KEPT);
    assertThat(events.get(events.size() - 1).seq()).isEqualTo(LiveArchitecture.EVENTS_KEPT + 11);
    assertThat(events.get(0).seq()).isEqualTo(12);
  }

  private static Reading reading(long at, long count, long errors, long... micros) {
    Histogram h = new Histogram(1, 3_600_000_000L, 2);
    for (long m : micros) {
      h.recordValue(m);
    }
    return new Reading(at, count, errors, h);
  }

  @Test
  void edgeFiguresAreTheDifferenceOfTwoReadingsOverTheWindow() {
    LiveArchitecture live = live();
    assertThat(live.snapshot().edges().get(2).figures()).isEqualTo(Figures.NONE);
    live.edgeReading("web", "db", reading(0, 100, 0, 1000, 1000));
    // 200 more requests in 2 s, 10 of them failed, all slow
    long[] slow = new long[102];
    java.util.Arrays.fill(slow, 50_000);
    slow[0] = 1000;
    slow[1] = 1000;
    live.edgeReading("web", "db", reading(2000, 300, 10, slow));
    Figures f = live.snapshot().edges().get(2).figures();
    assertThat(f.rps()).isCloseTo(100.0, within(1e-9));
    assertThat(f.errorRate()).isCloseTo(0.05, within(1e-9));
    assertThat(f.p99Ms()).isCloseTo(50.0, within(1.0));
    assertThat(f.p50Ms()).isCloseTo(50.0, within(1.0));
  }

  @Test
  void theWindowForgetsReadingsOlderThanItsSpan() {
    LiveArchitecture live = live();
    live.tierReading("web", reading(0, 0, 0));
    live.tierReading("web", reading(1000, 1000, 0));
    for (int s = 2; s <= 10; s++) {
      live.tierReading("web", reading(s * 1000L, 1000 + (s - 1) * 10L, 0));
    }
    // 1000 requests in the first second, 10/s since: the window of 5 s sees only the latter.
    assertThat(live.snapshot().tiers().get(2).served().rps()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void countersThatWentDownStartTheWindowAgain() {
    LiveArchitecture live = live();
    live.tierReading("web", reading(0, 500, 5));
    live.tierReading("web", reading(1000, 10, 0)); // reset at the end of a warm-up
    assertThat(live.snapshot().tiers().get(2).served()).isEqualTo(Figures.NONE);
    live.tierReading("web", reading(2000, 30, 0));
    assertThat(live.snapshot().tiers().get(2).served().rps()).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void snapshotsReadBackFromJson() throws Exception {
    LiveArchitecture live = live();
    live.instanceState("t.r1.a.db00", InstanceState.READY);
    live.event(EventKind.VERDICT, "steady state held");
    LiveSnapshot s = live.snapshot();
    assertThat(LiveSnapshot.fromJson(s.toJson())).isEqualTo(s);
  }

  @Test
  void anEvolutionAddsInstancesAsStartingAndRemovesStoppedOnes() {
    LiveArchitecture live = live();
    Topology small = smallTopology();
    Instance cache = new Instance("t.r1.a.cache00", "cache", TierPackage.STORE, "r1", "a", 0, 6);
    List<Instance> next = new java.util.ArrayList<>(small.instances());
    next.removeIf(i -> i.tier().equals("db"));
    next.add(cache);
    live.evolve(
        new Topology(
            "t",
            next,
            List.of(new Edge("www", "elb"), new Edge("elb", "web"), new Edge("web", "cache"))));
    assertThat(live.state(cache.name())).isEqualTo(InstanceState.STARTING);
    live.instanceState(cache.name(), InstanceState.READY);
    // The db is drained before it stops: still drawn until removed.
    assertThat(live.snapshot().tiers()).extracting(LiveSnapshot.Tier::name).contains("db", "cache");
    live.remove("t.r1.a.db00");
    LiveSnapshot s = live.snapshot();
    assertThat(s.tiers())
        .extracting(LiveSnapshot.Tier::name)
        .doesNotContain("db")
        .contains("cache");
    assertThat(s.edges())
        .extracting(LiveSnapshot.TierEdge::to)
        .contains("cache")
        .doesNotContain("db");
    assertThatThrownBy(() -> live.instanceState("t.r1.a.db00", InstanceState.READY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
