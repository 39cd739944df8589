package io.simianviz.model.validation;

import static io.simianviz.api.testsupport.Specs.netflixoss;
import static io.simianviz.api.testsupport.Specs.spec;
import static io.simianviz.api.testsupport.Specs.tier;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TracingSpec;
import io.simianviz.model.spec.TrafficMix;
import io.simianviz.model.spec.TrafficSpec;
import io.simianviz.model.spec.chaos.ChaosGuards;
import io.simianviz.model.spec.chaos.ChaosSpec;
import io.simianviz.model.spec.chaos.MonkeySpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureValidatorTest {
  private static final String PACKAGES =
      "denominator, elb, zuul, karyon, monolith, staash, store, cache, volume, priamCassandra,"
          + " riak, eureka, pirate";

  /** www -> elb -> app -> db: valid, with a traffic source. */
  private static ArchitectureSpec base() {
    return spec(
        tier("www", "denominator", 0, 0, "elb"),
        tier("elb", "elb", 0, 1, "app"),
        tier("app", "karyon", 3, 1, "db"),
        tier("db", "store", 3, 1));
  }

  private static List<String> errors(ArchitectureSpec spec) {
    return ArchitectureValidator.validate(spec).errors().stream().map(Problem::toString).toList();
  }

  private static List<String> warnings(ArchitectureSpec spec) {
    return ArchitectureValidator.validate(spec).warnings().stream().map(Problem::toString).toList();
  }

  @Test
  void baseSpecIsValidWithoutWarnings() {
    ValidationResult r = ArchitectureValidator.validate(base());
    assertThat(r.isValid()).isTrue();
    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void netflixossIsValidWithoutWarnings() {
    ValidationResult r = ArchitectureValidator.validate(netflixoss());
    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void problemToStringJoinsPathAndMessage() {
    assertThat(new Problem("services[0].count", "bad")).hasToString("services[0].count: bad");
    assertThat(new Problem("", "not valid")).hasToString("not valid");
  }

  // --- what spigo rejected ---

  @Test
  void duplicateTierName() {
    ArchitectureSpec s = base();
    s.getServices().add(tier("app", "karyon", 1, 1));
    assertThat(errors(s))
        .containsExactly(
            "services[4].name: duplicate tier name \"app\" (first defined at services[2])");
  }

  @Test
  void unknownPackage() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setPackageName("mysql");
    assertThat(errors(s))
        .containsExactly(
            "services[3].package: unknown package \"mysql\" (expected one of " + PACKAGES + ")");
  }

  @Test
  void missingPackage() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setPackageName(null);
    assertThat(errors(s))
        .containsExactly("services[3].package: required (one of " + PACKAGES + ")");
  }

  @Test
  void packageNamesAreCaseSensitiveLikeSpigo() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setPackageName("Store");
    assertThat(errors(s))
        .containsExactly(
            "services[3].package: unknown package \"Store\" (expected one of " + PACKAGES + ")");
  }

  @Test
  void missingDependency() {
    ArchitectureSpec s = base();
    s.getServices().get(2).setDependencies(List.of("db", "nosuch"));
    assertThat(errors(s)).containsExactly("services[2].dependencies[1]: unknown tier \"nosuch\"");
  }

  // --- what spigo missed ---

  @Test
  void negativeCount() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setCount(-1);
    assertThat(errors(s)).containsExactly("services[3].count: must not be negative (was -1)");
  }

  @Test
  void negativeRegions() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setRegions(-2);
    assertThat(errors(s)).containsExactly("services[3].regions: must not be negative (was -2)");
  }

  @Test
  void regionCountAboveTheNumberOfRegionNames() {
    ArchitectureSpec s = base();
    s.setRegionCount(7);
    assertThat(errors(s)).contains("regionCount: 7 exceeds the 6 region names defined");
    assertThat(errors(s).get(0)).isEqualTo("regionCount: 7 exceeds the 6 region names defined");
  }

  @Test
  void regionCountEqualToTheNumberOfRegionNamesIsValid() {
    ArchitectureSpec s = base();
    s.setRegionCount(6);
    assertThat(errors(s)).isEmpty();
  }

  @Test
  void regionCountBelowOne() {
    ArchitectureSpec s = base();
    s.setRegionCount(0);
    assertThat(errors(s)).containsExactly("regionCount: must be at least 1 (was 0)");
  }

  @Test
  void customRegionNamesBoundTheRegionCount() {
    ArchitectureSpec s = base();
    s.setRegionNames(List.of("north", "south"));
    s.setRegionCount(3);
    assertThat(errors(s)).contains("regionCount: 3 exceeds the 2 region names defined");
  }

  @Test
  void tierRegionsTimesRegionCountAboveTheNumberOfRegionNames() {
    ArchitectureSpec s = base();
    s.setRegionCount(2);
    s.getServices().get(3).setRegions(4);
    assertThat(errors(s))
        .containsExactly(
            "services[3].regions: spans 4 x regionCount 2 = 8 regions but only 6 region names are"
                + " defined");
  }

  @Test
  void tierRegionsAboveTheNumberOfRegionNames() {
    ArchitectureSpec s = base();
    s.getServices().get(2).setRegions(7);
    assertThat(errors(s))
        .containsExactly(
            "services[2].regions: spans 7 x regionCount 1 = 7 regions but only 6 region names are"
                + " defined");
  }

  @Test
  void tierRegionsExactlyFillingTheRegionNamesIsValid() {
    ArchitectureSpec s = base();
    s.setRegionCount(2);
    s.getServices().get(3).setRegions(3);
    assertThat(errors(s)).isEmpty();
  }

  @Test
  void twoCustomRegionNamesAllowRegionCountTwo() {
    ArchitectureSpec s = base();
    s.setRegionNames(List.of("north", "south"));
    s.setRegionCount(2);
    assertThat(errors(s)).isEmpty();
  }

  @Test
  void scaleCollapsingATierBelowOneIsAWarning() {
    ArchitectureSpec s = base();
    s.setScale(10);
    ValidationResult r = ArchitectureValidator.validate(s);
    assertThat(r.isValid()).isTrue();
    assertThat(r.warnings().stream().map(Problem::toString))
        .containsExactly(
            "services[2].count: 3 at scale 10% is below one instance per region; raised to 1",
            "services[3].count: 3 at scale 10% is below one instance per region; raised to 1");
  }

  @Test
  void scaleThatKeepsATierAtOneOrMoreGivesNoWarning() {
    ArchitectureSpec s = base();
    s.getServices().get(2).setCount(10);
    s.getServices().get(3).setCount(18);
    s.setScale(10);
    assertThat(warnings(s)).isEmpty();
  }

  @Test
  void scaleMustBePositive() {
    ArchitectureSpec s = base();
    s.setScale(0);
    assertThat(errors(s)).containsExactly("scale: must be a positive percentage (was 0)");
    s.setScale(-50);
    assertThat(errors(s)).containsExactly("scale: must be a positive percentage (was -50)");
  }

  /** A scale that is itself wrong says so, not what it would do to each tier's count. */
  @Test
  void anInvalidScaleWarnsOfNoTierCount() {
    ArchitectureSpec s = base();
    s.setScale(0);
    assertThat(warnings(s)).isEmpty();
  }

  // --- names ---

  @Test
  void tierNamesCollidingAfterDnsMapping() {
    ArchitectureSpec s = base();
    s.getServices().add(tier("cassSubscriber", "store", 1, 1));
    s.getServices().add(tier("cass-subscriber", "store", 1, 1));
    s.getServices().add(tier("CassSubscriber", "store", 1, 1));
    assertThat(errors(s))
        .containsExactly(
            "services[5].name: \"cass-subscriber\" maps to the object name \"cass-subscriber\", as"
                + " does services[4] \"cassSubscriber\"",
            "services[6].name: \"CassSubscriber\" maps to the object name \"cass-subscriber\", as"
                + " does services[4] \"cassSubscriber\"");
  }

  @Test
  void tierNamesThatCannotBeDnsLabels() {
    ArchitectureSpec s = base();
    s.getServices().add(tier("9lives", "store", 1, 1));
    s.getServices().add(tier("___", "store", 1, 1));
    s.getServices().add(tier("", "store", 1, 1));
    s.getServices().add(tier(null, "store", 1, 1));
    s.getServices().add(tier("t".repeat(64), "store", 1, 1));
    assertThat(errors(s))
        .containsExactly(
            "services[4].name: \"9lives\" maps to \"9lives\", which does not start with a letter",
            "services[5].name: \"___\" has no letters or digits to form a DNS label",
            "services[6].name: must not be empty",
            "services[7].name: must not be empty",
            "services[8].name: \""
                + "t".repeat(64)
                + "\" maps to a name longer than 63 characters");
  }

  @Test
  void dependencyOnATierWithAnInvalidNameIsNotAlsoUnknown() {
    ArchitectureSpec s = base();
    s.getServices().add(tier("9lives", "store", 1, 1));
    s.getServices().get(2).setDependencies(List.of("db", "9lives"));
    assertThat(errors(s))
        .containsExactly(
            "services[4].name: \"9lives\" maps to \"9lives\", which does not start with a letter");
  }

  @Test
  void invalidAndDuplicateRegionAndZoneNames() {
    ArchitectureSpec s = base();
    s.setRegionNames(List.of("us-east-1", "us-east-1", "---"));
    s.setZoneNames(List.of("zoneA", "9z"));
    assertThat(errors(s))
        .containsExactly(
            "regionNames[1]: duplicate name \"us-east-1\"",
            "regionNames[2]: \"---\" has no letters or digits to form a DNS label",
            "zoneNames[1]: \"9z\" maps to \"9z\", which does not start with a letter");
  }

  // --- dependencies ---

  @Test
  void eurekaDependencyIsAcceptedWithoutATier() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setDependencies(List.of("db", "eureka"));
    ValidationResult r = ArchitectureValidator.validate(s);
    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void emptyDependencyName() {
    ArchitectureSpec s = base();
    s.getServices().get(2).setDependencies(Arrays.asList("db", "", null));
    assertThat(errors(s))
        .containsExactly(
            "services[2].dependencies[1]: must be a tier name",
            "services[2].dependencies[2]: must be a tier name");
  }

  @Test
  void selfDependencyIsPeerReplication() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setDependencies(List.of("db"));
    assertThat(errors(s)).isEmpty();
  }

  @Test
  void dependencyOnADenominatorIsRejected() {
    ArchitectureSpec s = base();
    s.getServices().get(1).setDependencies(List.of("app", "www"));
    assertThat(errors(s))
        .containsExactly(
            "services[1].dependencies[1]: \"www\" is a traffic source (denominator) and cannot be"
                + " called");
  }

  @Test
  void dependencyListedTwiceIsAWarning() {
    ArchitectureSpec s = base();
    s.getServices().get(2).setDependencies(List.of("db", "db"));
    assertThat(errors(s)).isEmpty();
    assertThat(warnings(s)).containsExactly("services[2].dependencies[1]: \"db\" is listed twice");
  }

  @Test
  void dependencyOnADuplicatedTierIsNotUnknown() {
    ArchitectureSpec s = base();
    s.getServices().add(tier("db", "store", 1, 1));
    assertThat(errors(s))
        .containsExactly(
            "services[4].name: duplicate tier name \"db\" (first defined at services[3])");
  }

  // --- victim ---

  @Test
  void unknownVictim() {
    ArchitectureSpec s = base();
    s.setVictim("nobody");
    assertThat(errors(s)).containsExactly("victim: unknown tier \"nobody\"");
    s.setVictim("app");
    assertThat(errors(s)).isEmpty();
    s.setVictim("");
    assertThat(errors(s)).isEmpty();
  }

  @Test
  void unknownMonkeyVictimAndBadInterval() {
    ArchitectureSpec s = base();
    MonkeySpec monkey = new MonkeySpec();
    monkey.setVictim("ghost");
    monkey.setInterval("soon");
    ChaosSpec chaos = new ChaosSpec();
    chaos.setMonkey(monkey);
    s.setChaos(chaos);
    assertThat(errors(s))
        .containsExactly(
            "chaos.monkey.victim: unknown tier \"ghost\"",
            "chaos.monkey.interval: \"soon\" is not a duration (expected e.g. 500ms, 30s, 5m,"
                + " 1h30m)");
    monkey.setVictim("db");
    monkey.setInterval("30s");
    assertThat(errors(s)).isEmpty();
  }

  // --- per-tier settings ---

  @Test
  void badServiceTime() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setServiceTime("fast");
    s.getServices().get(2).setServiceTime("lognormal(20ms,2ms)");
    assertThat(errors(s))
        .containsExactly(
            "services[2].serviceTime: \"lognormal(20ms,2ms)\": lognormal needs 0 < p50 <= p99",
            "services[3].serviceTime: \"fast\" is not a distribution (expected constant(2ms),"
                + " normal(5ms,1ms), lognormal(2ms,20ms) or histogram(1ms:90,10ms:10))");
  }

  @Test
  void goodServiceTimesAreAccepted() {
    ArchitectureSpec s = base();
    s.getServices().get(1).setServiceTime("constant(1ms)");
    s.getServices().get(2).setServiceTime("normal(5ms,1ms)");
    s.getServices().get(3).setServiceTime("histogram(1ms:90,10ms:10)");
    s.getServices().get(0).setServiceTime("");
    assertThat(errors(s)).isEmpty();
  }

  @Test
  void badErrorRateAndHitRate() {
    ArchitectureSpec s = base();
    s.getServices().get(2).setErrorRate(1.5);
    s.getServices().get(3).setErrorRate(Double.NaN);
    s.getServices().get(3).setHitRate(-0.1);
    assertThat(errors(s))
        .containsExactly(
            "services[2].errorRate: must be between 0 and 1 (was 1.5)",
            "services[3].errorRate: must be between 0 and 1 (was NaN)",
            "services[3].hitRate: must be between 0 and 1 (was -0.1)");
  }

  @Test
  void boundaryRatesAreAccepted() {
    ArchitectureSpec s = base();
    s.getServices().get(2).setErrorRate(0.0);
    s.getServices().get(3).setErrorRate(1.0);
    s.getServices().get(3).setHitRate(1.0);
    assertThat(errors(s)).isEmpty();
    assertThat(warnings(s)).isEmpty();
  }

  @Test
  void hitRateOnATierThatIsNotAKeyValueStoreIsAWarning() {
    ArchitectureSpec s = base();
    s.getServices().get(2).setHitRate(0.5);
    assertThat(errors(s)).isEmpty();
    assertThat(warnings(s))
        .containsExactly(
            "services[2].hitRate: only cache, store and volume tiers use hitRate; ignored");
  }

  @Test
  void negativeResponseBytes() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setResponseBytes(-1);
    assertThat(errors(s))
        .containsExactly("services[3].responseBytes: must not be negative (was -1)");
  }

  // --- global settings ---

  @Test
  void badTrafficTracingAndGuards() {
    ArchitectureSpec s = base();
    TrafficSpec traffic = new TrafficSpec();
    traffic.setRate(-1.0);
    TrafficMix mix = new TrafficMix();
    mix.setGet(0);
    mix.setPut(0);
    traffic.setMix(mix);
    s.setTraffic(traffic);
    TracingSpec tracing = new TracingSpec();
    tracing.setSampleRate(2.0);
    s.setTracing(tracing);
    ChaosGuards guards = new ChaosGuards();
    guards.setMaxFraction(-0.5);
    guards.setMinHealthy(-1);
    ChaosSpec chaos = new ChaosSpec();
    chaos.setGuards(guards);
    s.setChaos(chaos);
    assertThat(errors(s))
        .containsExactly(
            "traffic.rate: must not be negative (was -1)",
            "traffic.mix: weights must not be negative and must add up to more than 0",
            "tracing.sampleRate: must be between 0 and 1 (was 2)",
            "chaos.guards.maxFraction: must be between 0 and 1 (was -0.5)",
            "chaos.guards.minHealthy: must not be negative (was -1)");
  }

  @Test
  void negativeMixWeight() {
    ArchitectureSpec s = base();
    TrafficSpec traffic = new TrafficSpec();
    TrafficMix mix = new TrafficMix();
    mix.setGet(-1);
    mix.setPut(5);
    traffic.setMix(mix);
    s.setTraffic(traffic);
    assertThat(errors(s))
        .containsExactly(
            "traffic.mix: weights must not be negative and must add up to more than 0");
  }

  // --- all at once ---

  @Test
  void everyProblemIsReportedAtOnce() {
    ArchitectureSpec s = base();
    s.getServices().get(3).setCount(-3);
    s.getServices().get(3).setPackageName("oracle");
    s.getServices().get(2).setDependencies(List.of("db", "missing"));
    assertThat(errors(s))
        .containsExactly(
            "services[2].dependencies[1]: unknown tier \"missing\"",
            "services[3].package: unknown package \"oracle\" (expected one of " + PACKAGES + ")",
            "services[3].count: must not be negative (was -3)");
  }

  @Test
  void validationNeverThrowsAndCollectsMixedProblems() {
    ArchitectureSpec s =
        spec(
            tier("a", "store", -1, -1, "b"),
            tier("a", null, null, null),
            tier("Bad Name!", "bogus", 1, 9, "a"));
    s.setRegionCount(0);
    s.setScale(0);
    s.setVictim("nope");
    ValidationResult r = ArchitectureValidator.validate(s);
    assertThat(r.isValid()).isFalse();
    assertThat(r.errors().stream().map(Problem::toString))
        .contains(
            "regionCount: must be at least 1 (was 0)",
            "scale: must be a positive percentage (was 0)",
            "services[1].name: duplicate tier name \"a\" (first defined at services[0])",
            "services[0].count: must not be negative (was -1)",
            "services[0].regions: must not be negative (was -1)",
            "services[0].dependencies[0]: unknown tier \"b\"",
            "services[1].package: required (one of " + PACKAGES + ")",
            "services[2].package: unknown package \"bogus\" (expected one of " + PACKAGES + ")",
            "victim: unknown tier \"nope\"");
  }

  // --- warnings ---

  @Test
  void noDenominatorIsAWarningNotAnError() {
    ArchitectureSpec s = spec(tier("db", "store", 3, 1));
    ValidationResult r = ArchitectureValidator.validate(s);
    assertThat(r.isValid()).isTrue();
    assertThat(r.warnings().stream().map(Problem::toString))
        .containsExactly(
            "services: no denominator tier: the architecture is valid but idle (no traffic)");
  }

  @Test
  void noTiersAtAll() {
    ArchitectureSpec s = spec();
    ValidationResult r = ArchitectureValidator.validate(s);
    assertThat(r.errors().stream().map(Problem::toString))
        .containsExactly("services: at least one tier is required");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void validationResultListsAreImmutable() {
    ValidationResult r = ArchitectureValidator.validate(spec(tier("db", "store", 3, 1)));
    assertThat(r.warnings()).isUnmodifiable();
    assertThat(r.errors()).isUnmodifiable();
  }
}
