package io.simianviz.model.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VictimSelectorTest {
  private static final String LAMP =
      """
      {"arch": "lamp", "victim": "webserver", "services": [
        {"name": "rds-mysql", "package": "store", "count": 2, "regions": 1, "dependencies": []},
        {"name": "memcache", "package": "store", "count": 1, "regions": 1, "dependencies": []},
        {"name": "webserver", "package": "monolith", "count": 18, "regions": 1,
         "dependencies": ["memcache", "rds-mysql"]},
        {"name": "webserver-elb", "package": "elb", "count": 0, "regions": 1,
         "dependencies": ["webserver"]},
        {"name": "www", "package": "denominator", "count": 0, "regions": 0,
         "dependencies": ["webserver-elb"]}]}
      """;

  private static Topology lamp(int regions) {
    var loaded = ArchitectureFiles.parse(LAMP, "lamp");
    return TopologyExpander.expand(
        "lamp", loaded.architecture().getSpec(), new ExpansionOptions(null, regions));
  }

  @Test
  void monkeyAlwaysHitsOneUpInstanceOfTheVictimTierAndNeverStarvesIt() {
    List<Instance> all = lamp(1).instances();
    for (long seed = 0; seed < 200; seed++) {
      var random = new SplittableRandom(seed);
      List<Instance> up = new ArrayList<>(all);
      // Keep killing without replacement: the guards must stop the monkey before they break.
      for (int round = 0; round < 30; round++) {
        var selector = new VictimSelector(new ChaosGuard(1 + (int) (seed % 3), 0.5));
        ChaosDecision decision = selector.monkey("webserver", up, all.size(), random);
        if (decision instanceof ChaosDecision.Strike strike) {
          assertThat(strike.victims()).hasSize(1);
          Instance victim = strike.victims().get(0);
          assertThat(victim.tier()).isEqualTo("webserver");
          assertThat(up).contains(victim);
          up.remove(victim);
          long webLeft = up.stream().filter(i -> i.tier().equals("webserver")).count();
          assertThat(webLeft).isGreaterThanOrEqualTo(1 + seed % 3);
          assertThat(all.size() - up.size()).isLessThanOrEqualTo((int) (0.5 * all.size()));
        } else {
          break;
        }
      }
    }
  }

  @Test
  void sameSeedSameVictims() {
    List<Instance> all = lamp(1).instances();
    var selector = new VictimSelector(new ChaosGuard(1, 0.34));
    var a = selector.monkey("webserver", all, all.size(), new SplittableRandom(42));
    var b = selector.monkey("webserver", all, all.size(), new SplittableRandom(42));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void minHealthyRefusesTheLastInstance() {
    List<Instance> all = lamp(1).instances();
    var selector = new VictimSelector(new ChaosGuard(1, 1.0));
    ChaosDecision decision = selector.monkey("memcache", all, all.size(), new SplittableRandom(1));
    assertThat(decision)
        .isEqualTo(
            new ChaosDecision.Refused(
                ChaosKind.MONKEY,
                "memcache",
                "guard minHealthy 1: tier memcache would have fewer ready instances"));
  }

  @Test
  void unknownOrDownTierIsRefused() {
    List<Instance> all = lamp(1).instances();
    var decision =
        new VictimSelector(new ChaosGuard(1, 1.0))
            .monkey("nosuch", all, all.size(), new SplittableRandom(1));
    assertThat(decision).isInstanceOf(ChaosDecision.Refused.class);
    assertThat(((ChaosDecision.Refused) decision).reason())
        .isEqualTo("no instance of tier nosuch is up");
  }

  @Test
  void gorillaTakesOneZoneAndSparesZonelessInstances() {
    List<Instance> all = lamp(1).instances();
    var decision =
        new VictimSelector(new ChaosGuard(1, 0.5)).gorilla("us-east-1", "zoneB", all, all.size());
    assertThat(decision).isInstanceOf(ChaosDecision.Strike.class);
    List<Instance> victims = ((ChaosDecision.Strike) decision).victims();
    assertThat(victims).allMatch(i -> i.zone().equals("zoneB") && i.region().equals("us-east-1"));
    // webserver 6 of 18 and rds-mysql 1 of 2 live in zoneB; memcache (1, zoneA) is spared.
    assertThat(victims).hasSize(7);
  }

  @Test
  void maxFractionRefusesAnOutageThatIsTooLarge() {
    List<Instance> all = lamp(1).instances();
    var decision =
        new VictimSelector(new ChaosGuard(0, 0.2)).gorilla("us-east-1", "zoneA", all, all.size());
    assertThat(decision)
        .isEqualTo(
            new ChaosDecision.Refused(
                ChaosKind.GORILLA,
                "us-east-1/zoneA",
                "guard maxFraction 0.20: 8 of 23 instances would be down"));
  }

  @Test
  void kongTakesARegionOnlyWhenOthersRemain() {
    List<Instance> one = lamp(1).instances();
    assertThat(new VictimSelector(new ChaosGuard(1, 1.0)).kong("us-east-1", one, one.size()))
        .isInstanceOf(ChaosDecision.Refused.class);
    List<Instance> two = lamp(2).instances();
    var decision = new VictimSelector(new ChaosGuard(1, 0.6)).kong("us-west-2", two, two.size());
    assertThat(decision).isInstanceOf(ChaosDecision.Strike.class);
    assertThat(((ChaosDecision.Strike) decision).victims())
        .hasSize(22)
        .allMatch(i -> i.region().equals("us-west-2"));
  }
}
