package io.simianviz.service.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.topology.Instance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateOrderTest {
  private static final List<Endpoint> CASS =
      List.of(
          endpoint("a0", "east", "a"),
          endpoint("b0", "east", "b"),
          endpoint("a1", "east", "a"),
          endpoint("w0", "west", "a"),
          endpoint("b1", "east", "b"));

  private static Endpoint endpoint(String name, String region, String zone) {
    return new Endpoint(name, "cass", region, zone, "127.0.0.1", 1);
  }

  private static List<String> names(List<Endpoint> endpoints) {
    return endpoints.stream().map(Endpoint::instance).toList();
  }

  @Test
  void ownZoneThenOwnRegionThenElsewhereEachGroupRotated() {
    CandidateOrder order = CandidateOrder.of(CASS, "east", "a", true);
    assertThat(names(order.first(5, 0, e -> false))).containsExactly("a0", "a1", "b0", "b1", "w0");
    assertThat(names(order.first(5, 1, e -> false))).containsExactly("a1", "a0", "b1", "b0", "w0");
  }

  @Test
  void withoutZoneAffinityTheWholeRegionIsOneGroup() {
    assertThat(names(CandidateOrder.order(CASS, "east", "a", false, 1)))
        .containsExactly("b0", "a1", "b1", "a0", "w0");
  }

  @Test
  void takesOnlyAsManyAsAskedAndAvoidedOnesGoLast() {
    CandidateOrder order = CandidateOrder.of(CASS, "east", "a", true);
    assertThat(names(order.first(2, 0, e -> false))).containsExactly("a0", "a1");
    assertThat(names(order.first(3, 0, e -> e.instance().equals("a0"))))
        .containsExactly("a1", "b0", "b1");
    assertThat(names(order.first(5, 0, e -> e.region().equals("east"))))
        .containsExactly("w0", "a0", "a1", "b0", "b1");
  }

  @Test
  void aRotationWalksEveryInstanceOfTheGroupInTurn() {
    CandidateOrder order = CandidateOrder.of(CASS, "east", "b", true);
    List<String> firsts = new ArrayList<>();
    for (int rotation = 0; rotation < 4; rotation++) {
      firsts.add(order.first(1, rotation, e -> false).get(0).instance());
    }
    assertThat(firsts).containsExactly("b0", "b1", "b0", "b1");
  }

  @Test
  void aGlobalCallerSpreadsOverEveryRegionSoARegionGoneLeavesTheOthers() {
    List<Endpoint> elbs =
        List.of(
            endpoint("east", "east", Instance.ANY),
            endpoint("west", "west", Instance.ANY),
            endpoint("eu", "eu", Instance.ANY));
    assertThat(names(CandidateOrder.order(elbs, Instance.ANY, Instance.ANY, false, 0)))
        .containsExactly("east", "west", "eu");
    assertThat(
            names(CandidateOrder.order(elbs.subList(1, 3), Instance.ANY, Instance.ANY, false, 0)))
        .containsExactly("west", "eu");
  }

  @Test
  void aCallerWhoseRegionHasNoInstanceFallsBackToTheOtherRegions() {
    List<Endpoint> west = CASS.stream().filter(e -> e.region().equals("west")).toList();
    assertThat(names(CandidateOrder.order(west, "east", "a", true, 0))).containsExactly("w0");
    assertThat(names(CandidateOrder.order(west, "east", Instance.ANY, false, 0)))
        .containsExactly("w0");
  }

  @Test
  void belongsToTheSnapshotItWasMadeFrom() {
    CandidateOrder order = CandidateOrder.of(CASS, "east", "a", true);
    assertThat(order.isFor(CASS)).isTrue();
    assertThat(order.isFor(List.copyOf(new ArrayList<>(CASS)))).isFalse();
  }

  @Test
  void theRegistryHandsOutTheSameSnapshotUntilItChanges() {
    LocalRegistry registry = new LocalRegistry();
    CASS.forEach(registry::register);
    List<Endpoint> first = registry.instances("cass");
    assertThat(registry.instances("cass")).isSameAs(first);
    registry.deregister(CASS.get(0));
    assertThat(registry.instances("cass")).isNotSameAs(first).hasSize(4);
    registry.register(CASS.get(1));
    assertThat(registry.instances("cass")).hasSize(4);
    assertThat(registry.count("cass")).isEqualTo(4);
  }
}
