package io.simianviz.model.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.TopologyExpander;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Over many random architectures, states and targets: an experiment never hits an instance of
 * another architecture or a traffic source, never leaves a tier below minHealthy, never takes more
 * than maxFraction down, and the same seed picks the same victims.
 */
class ExperimentSelectionPropertyTest {
  private static final String[] ZONES = {"zoneA", "zoneB", "zoneC"};
  private static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1"};

  private static List<Instance> randomArchitecture(String name, SplittableRandom random) {
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setRegionCount(1 + random.nextInt(3));
    List<TierSpec> tiers = new ArrayList<>();
    int n = 1 + random.nextInt(5);
    for (int t = 0; t < n; t++) {
      tiers.add(tier("tier" + t, "store", random.nextInt(7), 1, List.of()));
    }
    tiers.add(tier("www", "denominator", 0, 0, List.of("tier0")));
    spec.setServices(tiers);
    return TopologyExpander.expand(name, spec, ExpansionOptions.NONE).instances();
  }

  private static TierSpec tier(String name, String pkg, int count, int regions, List<String> deps) {
    TierSpec t = new TierSpec();
    t.setName(name);
    t.setPackageName(pkg);
    t.setCount(count);
    t.setRegions(regions);
    t.setDependencies(new ArrayList<>(deps));
    return t;
  }

  @Test
  void guardsHoldAndSeedsRepeatOverRandomArchitectures() {
    int strikes = 0;
    for (long seed = 0; seed < 2000; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<Instance> all = randomArchitecture("arch", random);
      List<Instance> foreign = randomArchitecture("other", random);
      List<Instance> up = new ArrayList<>();
      all.stream().filter(i -> random.nextInt(5) > 0).forEach(up::add);
      up.addAll(foreign);
      ChaosGuard guard = new ChaosGuard(random.nextInt(3), random.nextInt(101) / 100.0);
      ChaosKind kind = ChaosKind.values()[random.nextInt(3)];
      String target =
          switch (kind) {
            case MONKEY -> all.get(random.nextInt(all.size())).tier();
            case GORILLA -> ZONES[random.nextInt(3)];
            case KONG -> REGIONS[random.nextInt(3)];
          };
      String region = random.nextBoolean() ? null : REGIONS[random.nextInt(3)];
      long pick = random.nextLong();
      VictimSelector selector = new VictimSelector(guard);
      ChaosDecision decision =
          selector.experiment(kind, target, region, all, up, new SplittableRandom(pick));
      assertThat(selector.experiment(kind, target, region, all, up, new SplittableRandom(pick)))
          .as("same seed, same decision")
          .isEqualTo(decision);
      if (!(decision instanceof ChaosDecision.Strike strike)) {
        continue;
      }
      strikes++;
      Set<String> owned = all.stream().map(Instance::name).collect(Collectors.toSet());
      for (Instance victim : strike.victims()) {
        assertThat(owned).as("only the architecture's instances").contains(victim.name());
        assertThat(up).contains(victim);
        assertThat(victim.pkg()).isNotEqualTo(TierPackage.DENOMINATOR);
      }
      Set<Instance> hit = Set.copyOf(strike.victims());
      Map<String, Integer> left = new HashMap<>();
      up.stream()
          .filter(i -> owned.contains(i.name()) && !hit.contains(i))
          .forEach(i -> left.merge(i.tier(), 1, Integer::sum));
      for (Instance victim : strike.victims()) {
        assertThat(left.getOrDefault(victim.tier(), 0))
            .as("tier %s keeps minHealthy %d", victim.tier(), guard.minHealthy())
            .isGreaterThanOrEqualTo(guard.minHealthy());
      }
      long ownedUp = up.stream().filter(i -> owned.contains(i.name())).count();
      long down = all.size() - ownedUp + hit.size();
      assertThat((double) down).isLessThanOrEqualTo(guard.maxFraction() * all.size());
    }
    assertThat(strikes).as("the property was exercised").isGreaterThan(200);
  }

  @Test
  void aKongOnOneRegionIsRefusedWithTheReason() {
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setServices(
        List.of(
            tier("db", "store", 6, 1, List.of()), tier("www", "denominator", 0, 0, List.of("db"))));
    List<Instance> all = TopologyExpander.expand("a", spec, ExpansionOptions.NONE).instances();
    ChaosDecision decision =
        new VictimSelector(new ChaosGuard(0, 1.0))
            .experiment(ChaosKind.KONG, "us-east-1", null, all, all, new SplittableRandom(1));
    assertThat(decision)
        .isEqualTo(
            new ChaosDecision.Refused(
                ChaosKind.KONG,
                "us-east-1",
                "the architecture has one region: a kong would take all of it down"));
  }

  @Test
  void aZoneInSeveralRegionsNeedsItsRegionAndAnUnknownZoneIsNamed() {
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setRegionCount(2);
    spec.setServices(
        List.of(
            tier("db", "store", 6, 1, List.of()), tier("www", "denominator", 0, 0, List.of("db"))));
    List<Instance> all = TopologyExpander.expand("a", spec, ExpansionOptions.NONE).instances();
    VictimSelector selector = new VictimSelector(new ChaosGuard(0, 1.0));
    assertThat(
            selector.experiment(
                ChaosKind.GORILLA, "zoneA", null, all, all, new SplittableRandom(1)))
        .isEqualTo(
            new ChaosDecision.Refused(
                ChaosKind.GORILLA,
                "zoneA",
                "zone zoneA is in 2 regions (us-east-1, us-west-2): set spec.region"));
    assertThat(
            selector.experiment(
                ChaosKind.GORILLA, "zoneD", null, all, all, new SplittableRandom(1)))
        .isEqualTo(
            new ChaosDecision.Refused(
                ChaosKind.GORILLA,
                "zoneD",
                "no zone zoneD in the architecture (zones: zoneA, zoneB, zoneC)"));
    ChaosDecision strike =
        selector.experiment(
            ChaosKind.GORILLA, "zoneA", "us-west-2", all, all, new SplittableRandom(1));
    assertThat(((ChaosDecision.Strike) strike).victims())
        .extracting(Instance::name)
        .containsExactly("a.us-west-2.zoneA.db00", "a.us-west-2.zoneA.db03");
  }
}
