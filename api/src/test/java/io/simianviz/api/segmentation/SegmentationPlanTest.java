package io.simianviz.api.segmentation;

import static io.simianviz.api.segmentation.Expectation.BLOCKED;
import static io.simianviz.api.segmentation.Expectation.REACHABLE;
import static io.simianviz.api.testsupport.Specs.spec;
import static io.simianviz.api.testsupport.Specs.tier;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.simianviz.api.testsupport.Specs;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.spec.ArchitectureSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SegmentationPlanTest {
  @Test
  void lampIsProbedAlongEveryDeclaredEdgeAndEveryOtherTier() {
    Architecture lamp =
        architecture(
            "lamp",
            spec(
                tier("rds-mysql", "store", 2, 1),
                tier("memcache", "store", 1, 1),
                tier("webserver", "monolith", 18, 1, "memcache", "rds-mysql"),
                tier("webserver-elb", "elb", 0, 1, "webserver"),
                tier("www", "denominator", 0, 0, "webserver-elb")));

    List<SegmentationProbe> probes = SegmentationPlan.of(lamp, 8080);

    assertThat(probes)
        .containsExactly(
            probe("rds-mysql", "memcache", BLOCKED),
            probe("rds-mysql", "webserver", BLOCKED),
            probe("rds-mysql", "www", BLOCKED),
            probe("memcache", "rds-mysql", BLOCKED),
            probe("memcache", "webserver", BLOCKED),
            probe("memcache", "www", BLOCKED),
            probe("webserver", "memcache", REACHABLE),
            probe("webserver", "rds-mysql", REACHABLE),
            probe("webserver", "www", BLOCKED),
            probe("www", "webserver-elb", REACHABLE),
            probe("www", "rds-mysql", BLOCKED),
            probe("www", "memcache", BLOCKED));
  }

  @Test
  void aSelfDependentTierProbesItsOwnServiceAndEurekaIsNoEdge() {
    List<SegmentationProbe> probes =
        SegmentationPlan.of(
            architecture("ring", spec(tier("cass", "priamCassandra", 3, 1, "cass", "eureka"))),
            9000);

    assertThat(probes)
        .containsExactly(
            new SegmentationProbe("cass", "cass", "ring-cass.shop.svc", 9000, REACHABLE));
  }

  @Test
  void undeclaredEdgesAreAStableSampleOfTiersTheCallerSendsNothingTo() {
    Architecture netflixoss = architecture("netflixoss", Specs.netflixoss());

    List<SegmentationProbe> probes = SegmentationPlan.of(netflixoss, 8080);

    assertThat(SegmentationPlan.of(netflixoss, 8080)).isEqualTo(probes);
    for (String from :
        List.of(
            "cassSubscriber",
            "evcacheSubscriber",
            "subscriber",
            "login",
            "homepage",
            "wwwproxy",
            "www")) {
      List<String> blocked =
          probes.stream()
              .filter(p -> p.fromTier().equals(from) && p.expect() == BLOCKED)
              .map(SegmentationProbe::toTier)
              .toList();
      assertThat(blocked)
          .as("undeclared from %s", from)
          .hasSize(SegmentationPlan.UNDECLARED_SAMPLE)
          .doesNotContain(from);
    }
    // Tiers a caller reaches, directly or through an elb, are never probed as undeclared.
    assertThat(blockedFrom(probes, "wwwproxy")).doesNotContain("login", "homepage");
    assertThat(blockedFrom(probes, "www")).doesNotContain("wwwproxy");
    assertThat(probes.stream().filter(p -> p.expect() == REACHABLE).map(SegmentationProbe::edge))
        .containsExactly(
            "cassSubscriber -> cassSubscriber",
            "subscriber -> cassSubscriber",
            "subscriber -> evcacheSubscriber",
            "login -> subscriber",
            "homepage -> subscriber",
            "wwwproxy -> login",
            "wwwproxy -> homepage",
            "www -> www-elb");
  }

  private static Set<String> blockedFrom(List<SegmentationProbe> probes, String from) {
    return probes.stream()
        .filter(p -> p.fromTier().equals(from) && p.expect() == BLOCKED)
        .map(SegmentationProbe::toTier)
        .collect(Collectors.toSet());
  }

  private static SegmentationProbe probe(String from, String to, Expectation expect) {
    return new SegmentationProbe(from, to, "lamp-" + to + ".shop.svc", 8080, expect);
  }

  private static Architecture architecture(String name, ArchitectureSpec spec) {
    Architecture architecture = new Architecture();
    architecture.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("shop").build());
    architecture.setSpec(spec);
    return architecture;
  }
}
