package io.simianviz.model.topology;

import static io.simianviz.api.testsupport.Specs.netflixoss;
import static io.simianviz.api.testsupport.Specs.spec;
import static io.simianviz.api.testsupport.Specs.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.testsupport.Specs;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopologyExpanderTest {

  private static Topology expand(ArchitectureSpec spec) {
    return TopologyExpander.expand("netflixoss", spec, ExpansionOptions.NONE);
  }

  private static Map<String, Integer> countsByTier(Topology t) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    t.byTier().forEach((tier, list) -> counts.put(tier, list.size()));
    return counts;
  }

  private static Instance named(Topology t, String name) {
    return t.instances().stream()
        .filter(i -> i.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no instance " + name));
  }

  @Test
  void netflixossExpandsTo65Instances() {
    Topology t = expand(netflixoss());
    assertThat(t.arch()).isEqualTo("netflixoss");
    assertThat(t.instances()).hasSize(65);
  }

  @Test
  void netflixossPerTierCountsInSpecOrder() {
    assertThat(countsByTier(expand(netflixoss())))
        .containsExactly(
            entry("cassSubscriber", 6),
            entry("evcacheSubscriber", 3),
            entry("subscriber", 6),
            entry("login", 18),
            entry("homepage", 24),
            entry("wwwproxy", 6),
            entry("www-elb", 1),
            entry("www", 1));
  }

  @Test
  void netflixossFromSpigoJsonExpandsTheSameAsTheJavaSpec() {
    var loaded = ArchitectureFiles.parse(Specs.NETFLIXOSS_JSON, "ignored");
    Topology fromJson =
        TopologyExpander.expand(
            loaded.name(), loaded.architecture().getSpec(), ExpansionOptions.NONE);
    assertThat(fromJson).isEqualTo(expand(netflixoss()));
    assertThat(fromJson.instances()).hasSize(65);
  }

  @Test
  void zonesAreAssignedIndexModThree() {
    Topology t = expand(netflixoss());
    List<Instance> login = t.byTier().get("login");
    for (Instance i : login) {
      assertThat(i.zone()).isEqualTo(List.of("zoneA", "zoneB", "zoneC").get(i.index() % 3));
      assertThat(i.region()).isEqualTo("us-east-1");
      assertThat(i.isZonal()).isTrue();
      assertThat(i.isGlobal()).isFalse();
    }
    assertThat(login.stream().map(Instance::index))
        .containsExactlyElementsOf(IntStream.range(0, 18).boxed().toList());
    assertThat(t.byTier().get("evcacheSubscriber").stream().map(Instance::zone))
        .containsExactly("zoneA", "zoneB", "zoneC");
  }

  @Test
  void customZoneNamesAreUsedInOrder() {
    ArchitectureSpec s = netflixoss();
    s.setZoneNames(List.of("north", "south"));
    Topology t = expand(s);
    assertThat(t.byTier().get("evcacheSubscriber").stream().map(Instance::zone))
        .containsExactly("north", "south", "north");
    assertThat(t.byTier().get("evcacheSubscriber").get(1).name())
        .isEqualTo("netflixoss.us-east-1.south.evcacheSubscriber01");
  }

  @Test
  void instanceNamesFollowSpigo() {
    Topology t = expand(netflixoss());
    List<String> cass = t.byTier().get("cassSubscriber").stream().map(Instance::name).toList();
    assertThat(cass)
        .containsExactly(
            "netflixoss.us-east-1.zoneA.cassSubscriber00",
            "netflixoss.us-east-1.zoneB.cassSubscriber01",
            "netflixoss.us-east-1.zoneC.cassSubscriber02",
            "netflixoss.us-east-1.zoneA.cassSubscriber03",
            "netflixoss.us-east-1.zoneB.cassSubscriber04",
            "netflixoss.us-east-1.zoneC.cassSubscriber05");
    assertThat(t.byTier().get("homepage").get(23).name())
        .isEqualTo("netflixoss.us-east-1.zoneC.homepage23");
  }

  @Test
  void nonZonalTierHasOneInstanceInZoneStar() {
    Instance elb = named(expand(netflixoss()), "netflixoss.us-east-1.*.www-elb00");
    assertThat(elb.tier()).isEqualTo("www-elb");
    assertThat(elb.pkg()).isEqualTo(TierPackage.ELB);
    assertThat(elb.region()).isEqualTo("us-east-1");
    assertThat(elb.zone()).isEqualTo("*");
    assertThat(elb.isZonal()).isFalse();
    assertThat(elb.isGlobal()).isFalse();
    assertThat(elb.index()).isZero();
  }

  @Test
  void globalTierHasOneInstanceInRegionStar() {
    Topology t = expand(netflixoss());
    Instance www = named(t, "netflixoss.*.*.www00");
    assertThat(www.pkg()).isEqualTo(TierPackage.DENOMINATOR);
    assertThat(www.isGlobal()).isTrue();
    assertThat(www.isZonal()).isFalse();
    assertThat(t.byTier().get("www")).containsExactly(www);
  }

  @Test
  void globalZonalTierHasItsInstancesInRegionStarAcrossZones() {
    Topology t = expand(spec(tier("www", "denominator", 0, 0, "db"), tier("db", "store", 4, 0)));
    assertThat(t.byTier().get("db").stream().map(Instance::name))
        .containsExactly(
            "netflixoss.*.zoneA.db00",
            "netflixoss.*.zoneB.db01",
            "netflixoss.*.zoneC.db02",
            "netflixoss.*.zoneA.db03");
  }

  @Test
  void packagesAreCarriedOnInstances() {
    Topology t = expand(netflixoss());
    assertThat(t.byTier().get("cassSubscriber").get(0).pkg())
        .isEqualTo(TierPackage.PRIAM_CASSANDRA);
    assertThat(t.byTier().get("wwwproxy").get(0).pkg()).isEqualTo(TierPackage.ZUUL);
    assertThat(t.byTier().get("subscriber").get(0).pkg()).isEqualTo(TierPackage.STAASH);
  }

  @Test
  void indexWidthGrowsPastOneHundredInstances() {
    Topology hundred = expand(spec(tier("big", "store", 100, 1)));
    assertThat(hundred.instances().get(0).name()).isEqualTo("netflixoss.us-east-1.zoneA.big00");
    assertThat(hundred.instances().get(99).name()).isEqualTo("netflixoss.us-east-1.zoneA.big99");

    Topology hundredOne = expand(spec(tier("big", "store", 101, 1)));
    assertThat(hundredOne.instances().get(0).name()).isEqualTo("netflixoss.us-east-1.zoneA.big000");
    assertThat(hundredOne.instances().get(9).name()).isEqualTo("netflixoss.us-east-1.zoneA.big009");
    assertThat(hundredOne.instances().get(100).name())
        .isEqualTo("netflixoss.us-east-1.zoneB.big100");
    assertThat(hundredOne.instances().stream().map(Instance::name).distinct()).hasSize(101);
  }

  @Test
  void smallTiersStillUseTwoDigits() {
    Topology t = expand(spec(tier("one", "store", 1, 1)));
    assertThat(t.instances())
        .extracting(Instance::name)
        .containsExactly("netflixoss.us-east-1.zoneA.one00");
  }

  @Test
  void regionCountTwoDoublesRegionalTiersAndKeepsOneGlobalInstance() {
    ArchitectureSpec s = netflixoss();
    s.setRegionCount(2);
    Topology t = expand(s);
    assertThat(t.instances()).hasSize(64 * 2 + 1);
    assertThat(countsByTier(t))
        .containsExactly(
            entry("cassSubscriber", 12),
            entry("evcacheSubscriber", 6),
            entry("subscriber", 12),
            entry("login", 36),
            entry("homepage", 48),
            entry("wwwproxy", 12),
            entry("www-elb", 2),
            entry("www", 1));
    assertThat(t.byTier().get("www-elb").stream().map(Instance::name))
        .containsExactly("netflixoss.us-east-1.*.www-elb00", "netflixoss.us-west-2.*.www-elb00");
    assertThat(t.byTier().get("cassSubscriber").stream().map(Instance::name))
        .containsExactly(
            "netflixoss.us-east-1.zoneA.cassSubscriber00",
            "netflixoss.us-east-1.zoneB.cassSubscriber01",
            "netflixoss.us-east-1.zoneC.cassSubscriber02",
            "netflixoss.us-east-1.zoneA.cassSubscriber03",
            "netflixoss.us-east-1.zoneB.cassSubscriber04",
            "netflixoss.us-east-1.zoneC.cassSubscriber05",
            "netflixoss.us-west-2.zoneA.cassSubscriber00",
            "netflixoss.us-west-2.zoneB.cassSubscriber01",
            "netflixoss.us-west-2.zoneC.cassSubscriber02",
            "netflixoss.us-west-2.zoneA.cassSubscriber03",
            "netflixoss.us-west-2.zoneB.cassSubscriber04",
            "netflixoss.us-west-2.zoneC.cassSubscriber05");
    assertThat(t.byTier().get("www").get(0).name()).isEqualTo("netflixoss.*.*.www00");
  }

  @Test
  void tierRegionsMultiplyRegionCountAndUseTheFirstRegionNames() {
    ArchitectureSpec s = spec(tier("www", "denominator", 0, 0, "db"), tier("db", "store", 1, 2));
    s.setRegionCount(3);
    Topology t = expand(s);
    assertThat(t.byTier().get("db").stream().map(Instance::region))
        .containsExactly(
            "us-east-1",
            "us-west-2",
            "eu-west-1",
            "eu-central-1",
            "ap-southeast-1",
            "ap-southeast-2");
  }

  @Test
  void customRegionNamesAreUsedInOrder() {
    ArchitectureSpec s = spec(tier("db", "store", 1, 1));
    s.setRegionNames(List.of("mars-1", "venus-2"));
    s.setRegionCount(2);
    assertThat(expand(s).instances())
        .extracting(Instance::name)
        .containsExactly("netflixoss.mars-1.zoneA.db00", "netflixoss.venus-2.zoneA.db00");
  }

  @Test
  void scaleTenPercentRaisesSmallTiersToOneAndScalesBigOnes() {
    ArchitectureSpec s = netflixoss();
    s.setScale(10);
    Topology t = expand(s);
    assertThat(countsByTier(t))
        .containsExactly(
            entry("cassSubscriber", 1),
            entry("evcacheSubscriber", 1),
            entry("subscriber", 1),
            entry("login", 1),
            entry("homepage", 2),
            entry("wwwproxy", 1),
            entry("www-elb", 1),
            entry("www", 1));
    assertThat(t.instances()).hasSize(9);
    assertThat(t.byTier().get("cassSubscriber").get(0).name())
        .isEqualTo("netflixoss.us-east-1.zoneA.cassSubscriber00");
    assertThat(t.byTier().get("cassSubscriber").get(0).isZonal()).isTrue();
  }

  @Test
  void scaleFiftyPercentRoundsDown() {
    ArchitectureSpec s = netflixoss();
    s.setScale(50);
    assertThat(countsByTier(expand(s)))
        .containsExactly(
            entry("cassSubscriber", 3),
            entry("evcacheSubscriber", 1),
            entry("subscriber", 3),
            entry("login", 9),
            entry("homepage", 12),
            entry("wwwproxy", 3),
            entry("www-elb", 1),
            entry("www", 1));
  }

  @Test
  void scaleTenThousandPercent() {
    ArchitectureSpec s = netflixoss();
    s.setScale(10000);
    Topology t = expand(s);
    // (6 + 3 + 6 + 18 + 24 + 6) x 100 zonal instances, plus the elb and the global www.
    assertThat(t.instances()).hasSize(6302);
    assertThat(countsByTier(t))
        .containsExactly(
            entry("cassSubscriber", 600),
            entry("evcacheSubscriber", 300),
            entry("subscriber", 600),
            entry("login", 1800),
            entry("homepage", 2400),
            entry("wwwproxy", 600),
            entry("www-elb", 1),
            entry("www", 1));
    List<Instance> homepage = t.byTier().get("homepage");
    assertThat(homepage.get(0).name()).isEqualTo("netflixoss.us-east-1.zoneA.homepage0000");
    assertThat(homepage.get(2399).name()).isEqualTo("netflixoss.us-east-1.zoneC.homepage2399");
    assertThat(t.byTier().get("cassSubscriber").get(599).name())
        .isEqualTo("netflixoss.us-east-1.zoneC.cassSubscriber599");
    assertThat(t.byTier().get("www-elb").get(0).name())
        .isEqualTo("netflixoss.us-east-1.*.www-elb00");
    assertThat(t.instances().stream().map(Instance::name).distinct()).hasSize(6302);
  }

  @Test
  void scaleThousandPercentMatchesSpigoWithoutItsEurekaInstances() {
    // spigo reported 635 instances at -p 1000: these 632 plus one eureka per zone.
    ArchitectureSpec s = netflixoss();
    s.setScale(1000);
    assertThat(expand(s).instances()).hasSize(632);
  }

  @Test
  void edgesAreTierLevelWithSelfEdgeKeptAndEurekaDropped() {
    assertThat(expand(netflixoss()).edges())
        .containsExactly(
            new Edge("cassSubscriber", "cassSubscriber"),
            new Edge("subscriber", "cassSubscriber"),
            new Edge("subscriber", "evcacheSubscriber"),
            new Edge("login", "subscriber"),
            new Edge("homepage", "subscriber"),
            new Edge("wwwproxy", "login"),
            new Edge("wwwproxy", "homepage"),
            new Edge("www-elb", "wwwproxy"),
            new Edge("www", "www-elb"));
  }

  @Test
  void edgesDoNotDependOnScaleOrRegions() {
    ArchitectureSpec s = netflixoss();
    s.setScale(300);
    s.setRegionCount(3);
    assertThat(expand(s).edges()).isEqualTo(expand(netflixoss()).edges());
  }

  @Test
  void eurekaPackageTierIsNotDeployedAndHasNoEdges() {
    ArchitectureSpec s =
        spec(
            tier("www", "denominator", 0, 0, "db"),
            tier("eureka", "eureka", 3, 1),
            tier("db", "store", 3, 1, "db", "eureka"));
    Topology t = expand(s);
    assertThat(t.byTier()).doesNotContainKey("eureka");
    assertThat(t.instances()).hasSize(4);
    assertThat(t.edges()).containsExactly(new Edge("www", "db"), new Edge("db", "db"));
  }

  @Test
  void duplicateDependenciesGiveOneEdge() {
    ArchitectureSpec s =
        spec(tier("www", "denominator", 0, 0, "db", "db"), tier("db", "store", 1, 1));
    assertThat(expand(s).edges()).containsExactly(new Edge("www", "db"));
  }

  @Test
  void ordinalsAreUniqueAndSequentialInListOrder() {
    ArchitectureSpec s = netflixoss();
    s.setRegionCount(3);
    List<Instance> instances = expand(s).instances();
    for (int i = 0; i < instances.size(); i++) {
      assertThat(instances.get(i).ordinal()).isEqualTo(i);
    }
    assertThat(new HashSet<>(instances.stream().map(Instance::name).toList()))
        .hasSize(instances.size());
  }

  @Test
  void expansionIsDeterministic() {
    assertThat(expand(netflixoss())).isEqualTo(expand(netflixoss()));
  }

  @Test
  void topologyListsAreImmutable() {
    Topology t = expand(netflixoss());
    assertThat(t.instances()).isUnmodifiable();
    assertThat(t.edges()).isUnmodifiable();
  }

  @Test
  void invalidSpecThrowsWithEveryProblem() {
    ArchitectureSpec s = netflixoss();
    s.getServices().get(0).setCount(-1);
    s.getServices().get(1).setPackageName("memcached");
    assertThatThrownBy(() -> expand(s))
        .isInstanceOfSatisfying(
            InvalidArchitectureException.class,
            e -> {
              assertThat(e.problems())
                  .containsExactly(
                      new Problem("services[0].count", "must not be negative (was -1)"),
                      new Problem(
                          "services[1].package",
                          "unknown package \"memcached\" (expected one of "
                              + TierPackage.knownNames()
                              + ")"));
            });
  }

  @Test
  void invalidSpecMessageJoinsProblems() {
    ArchitectureSpec s = spec(tier("db", "store", 1, 1, "nope", "gone"));
    assertThatThrownBy(() -> expand(s))
        .isInstanceOf(InvalidArchitectureException.class)
        .hasMessage(
            "services[0].dependencies[0]: unknown tier \"nope\"; services[0].dependencies[1]:"
                + " unknown tier \"gone\"");
  }

  @Test
  void warningsDoNotStopExpansion() {
    Topology t = expand(spec(tier("db", "store", 1, 1)));
    assertThat(t.instances()).hasSize(1);
  }

  @Test
  void optionsOverrideScaleAndRegionCount() {
    ArchitectureSpec s = netflixoss();
    s.setScale(50);
    s.setRegionCount(3);
    Topology t = TopologyExpander.expand("netflixoss", s, new ExpansionOptions(100, 1));
    assertThat(t.instances()).hasSize(65);
    Topology scaled = TopologyExpander.expand("netflixoss", s, new ExpansionOptions(200, null));
    // (63 x 2 + 1) per region in 3 regions, plus www
    assertThat(scaled.instances()).hasSize((63 * 2 + 1) * 3 + 1);
    assertThat(s.getScale()).isEqualTo(50);
    assertThat(s.getRegionCount()).isEqualTo(3);
  }

  @Test
  void optionRegionCountAboveRegionNamesIsRejected() {
    assertThatThrownBy(
            () ->
                TopologyExpander.expand("netflixoss", netflixoss(), new ExpansionOptions(null, 7)))
        .isInstanceOfSatisfying(
            InvalidArchitectureException.class,
            e ->
                assertThat(e.problems())
                    .contains(new Problem("regionCount", "7 exceeds the 6 region names defined")));
  }

  @Test
  void optionScaleZeroIsRejected() {
    assertThatThrownBy(
            () ->
                TopologyExpander.expand("netflixoss", netflixoss(), new ExpansionOptions(0, null)))
        .isInstanceOfSatisfying(
            InvalidArchitectureException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem("scale", "must be a positive percentage (was 0)")));
  }

  @Test
  void optionsKeepCustomRegionAndZoneNames() {
    ArchitectureSpec s = spec(tier("db", "store", 2, 1));
    s.setRegionNames(List.of("r1", "r2"));
    s.setZoneNames(List.of("z1"));
    Topology t = TopologyExpander.expand("a", s, new ExpansionOptions(100, 2));
    assertThat(t.instances())
        .extracting(Instance::name)
        .containsExactly("a.r1.z1.db00", "a.r1.z1.db01", "a.r2.z1.db00", "a.r2.z1.db01");
    assertThatThrownBy(() -> TopologyExpander.expand("a", s, new ExpansionOptions(null, 3)))
        .isInstanceOf(InvalidArchitectureException.class)
        .hasMessageContaining("regionCount: 3 exceeds the 2 region names defined");
  }
}
