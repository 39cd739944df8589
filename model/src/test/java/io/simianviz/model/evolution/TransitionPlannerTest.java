package io.simianviz.model.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.model.evolution.Action.AwaitReady;
import io.simianviz.model.evolution.Action.Drain;
import io.simianviz.model.evolution.Action.Reconfigure;
import io.simianviz.model.evolution.Action.Repoint;
import io.simianviz.model.evolution.Action.Roll;
import io.simianviz.model.evolution.Action.StartInstances;
import io.simianviz.model.evolution.Action.Stop;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.TrafficSpec;
import io.simianviz.model.spec.evolution.CanaryAnalysisSpec;
import io.simianviz.model.spec.evolution.CanarySpec;
import io.simianviz.model.spec.evolution.RolloutSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransitionPlannerTest {
  static TierSpec tier(String name, String pkg, int count, int regions, String... deps) {
    TierSpec t = new TierSpec();
    t.setName(name);
    t.setPackageName(pkg);
    t.setCount(count);
    t.setRegions(regions);
    t.setDependencies(new ArrayList<>(List.of(deps)));
    return t;
  }

  static ArchitectureSpec spec(TierSpec... tiers) {
    ArchitectureSpec s = new ArchitectureSpec();
    s.setServices(new ArrayList<>(List.of(tiers)));
    return s;
  }

  /** www -> elb -> app -> db. */
  static ArchitectureSpec base() {
    return spec(
        tier("db", "store", 2, 1),
        tier("app", "karyon", 3, 1, "db"),
        tier("elb", "elb", 0, 1, "app"),
        tier("www", "denominator", 0, 0, "elb"));
  }

  static TierSpec find(ArchitectureSpec s, String name) {
    return s.getServices().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
  }

  static TransitionPlan plan(ArchitectureSpec from, ArchitectureSpec to) {
    return TransitionPlanner.plan("a", from, to, ExpansionOptions.NONE);
  }

  /** Simulates the plan and checks it loses no call and ends exactly at {@code to}. */
  static TransitionPlan checked(ArchitectureSpec from, ArchitectureSpec to) {
    TransitionPlan plan = plan(from, to);
    PlanSimulator.Outcome out =
        PlanSimulator.run(InstanceRef.expand("a", from, ExpansionOptions.NONE), from, plan);
    assertThat(out.violations()).as(plan.render()).isEmpty();
    assertThat(out.instances())
        .as(plan.render())
        .isEqualTo(new HashSet<>(InstanceRef.expand("a", to, ExpansionOptions.NONE)));
    return plan;
  }

  private static List<String> kinds(TransitionPlan plan) {
    return plan.actions().stream().map(a -> a.getClass().getSimpleName()).toList();
  }

  @Test
  void theSameVersionNeedsNothing() {
    TransitionPlan plan = checked(base(), base());
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.render())
        .isEqualTo("Plan for a, (no version) -> (no version): 7 instances, nothing to change\n");
  }

  @Test
  void aNewDependencyIsStartedAndReadyBeforeItsCallerIsRepointed() {
    ArchitectureSpec to = base();
    to.getServices().add(0, tier("cache", "store", 1, 1));
    find(to, "app").setDependencies(new ArrayList<>(List.of("cache", "db")));
    TransitionPlan plan = checked(base(), to);
    assertThat(kinds(plan)).containsExactly("StartInstances", "AwaitReady", "Repoint");
    assertThat(plan.actions().get(2))
        .isEqualTo(new Repoint("app", List.of("db"), List.of("cache", "db")));
    assertThat(((StartInstances) plan.actions().get(0)).why()).isEqualTo("new tier");
  }

  @Test
  void aRemovedTierIsDrainedAfterItsCallersAreRepointedAndStoppedAfterTheDrain() {
    ArchitectureSpec from = base();
    from.getServices().add(0, tier("cache", "store", 1, 1));
    find(from, "app").setDependencies(new ArrayList<>(List.of("cache", "db")));
    TransitionPlan plan = checked(from, base());
    assertThat(kinds(plan)).containsExactly("Repoint", "Drain", "Stop");
    assertThat(((Drain) plan.actions().get(1)).why()).isEqualTo("tier removed");
  }

  @Test
  void removingATierThatIsStillCalledIsRefusedNamingTheCaller() {
    ArchitectureSpec to = base();
    to.getServices().removeIf(t -> t.getName().equals("db"));
    assertThatThrownBy(() -> plan(base(), to))
        .isInstanceOf(InvalidArchitectureException.class)
        .extracting(e -> ((InvalidArchitectureException) e).problems())
        .isEqualTo(
            List.of(
                new Problem(
                    "services[0].dependencies[0]",
                    "tier \"db\" is removed in this version but app still calls it; drop the"
                        + " dependency in the same version, or keep the tier")));
  }

  @Test
  void newTiersStartDependenciesFirstLayerByLayer() {
    ArchitectureSpec to = base();
    to.getServices().add(0, tier("ring", "priamCassandra", 3, 1, "ring"));
    to.getServices().add(tier("dal", "staash", 2, 1, "ring"));
    find(to, "app").setDependencies(new ArrayList<>(List.of("dal")));
    TransitionPlan plan = checked(base(), to);
    assertThat(kinds(plan))
        .containsExactly("StartInstances", "AwaitReady", "StartInstances", "AwaitReady", "Repoint");
    assertThat(((StartInstances) plan.actions().get(0)).tier()).isEqualTo("ring");
    assertThat(((StartInstances) plan.actions().get(2)).tier()).isEqualTo("dal");
  }

  @Test
  void aChangedPackageReplacesTheTierNewInstancesFirst() {
    ArchitectureSpec to = base();
    find(to, "app").setPackageName("monolith");
    TransitionPlan plan = checked(base(), to);
    assertThat(kinds(plan)).containsExactly("StartInstances", "AwaitReady", "Drain", "Stop");
    assertThat(((StartInstances) plan.actions().get(0)).why())
        .isEqualTo("package monolith replaces karyon");
    assertThat(((Drain) plan.actions().get(2)).why()).isEqualTo("replaced by package monolith");
  }

  @Test
  void scalingSurgesFirstAndShrinksAfterDraining() {
    ArchitectureSpec up = base();
    find(up, "app").setCount(5);
    TransitionPlan grow = checked(base(), up);
    assertThat(kinds(grow)).containsExactly("StartInstances", "AwaitReady");
    assertThat(((StartInstances) grow.actions().get(0)).why())
        .isEqualTo("scale up 3 -> 5 per region");
    TransitionPlan shrink = checked(up, base());
    assertThat(kinds(shrink)).containsExactly("Drain", "Stop");
    assertThat(((Drain) shrink.actions().get(0)).why()).isEqualTo("scale down 5 -> 3 per region");
  }

  @Test
  void aRemovedRegionIsDrainedCallersFirst() {
    ArchitectureSpec two = base();
    two.setRegionCount(2);
    TransitionPlan plan = checked(two, base());
    assertThat(plan.actions())
        .filteredOn(Drain.class::isInstance)
        .extracting(a -> ((Drain) a).tier())
        .containsExactly("elb", "app", "db");
    assertThat(plan.actions())
        .filteredOn(Drain.class::isInstance)
        .extracting(a -> ((Drain) a).why())
        .containsOnly("region us-west-2 removed");
    TransitionPlan add = checked(base(), two);
    assertThat(add.actions())
        .filteredOn(StartInstances.class::isInstance)
        .extracting(a -> ((StartInstances) a).tier())
        .containsExactly("db", "app", "elb");
  }

  @Test
  void aNewVersionRollsWithADeploymentsDefaults() {
    ArchitectureSpec to = base();
    find(to, "app").setVersion("v2");
    find(to, "app").setErrorRate(0.5);
    find(to, "app").setCount(9);
    ArchitectureSpec from = base();
    find(from, "app").setCount(9);
    TransitionPlan plan = checked(from, to);
    assertThat(kinds(plan)).containsExactly("Roll");
    Roll roll = (Roll) plan.actions().getFirst();
    assertThat(roll.fromVersion()).isNull();
    assertThat(roll.toVersion()).isEqualTo("v2");
    assertThat(roll.changed()).containsExactly("errorRate");
    assertThat(roll.maxSurge()).isEqualTo(3); // 25% of 9, rounded up
    assertThat(roll.maxUnavailable()).isZero();
    assertThat(roll.canary()).isEmpty();
  }

  @Test
  void aRolloutAndACanaryAreResolved() {
    ArchitectureSpec from = base();
    find(from, "app").setVersion("v1");
    ArchitectureSpec to = base();
    TierSpec app = find(to, "app");
    app.setVersion("v2");
    RolloutSpec rollout = new RolloutSpec();
    rollout.setMaxSurge("0");
    rollout.setMaxUnavailable("50%");
    app.setRollout(rollout);
    CanarySpec canary = new CanarySpec();
    canary.setWeight(20);
    CanaryAnalysisSpec analysis = new CanaryAnalysisSpec();
    analysis.setMaxP99Ms(200.0);
    analysis.setInterval("10s");
    canary.setAnalysis(analysis);
    app.setCanary(canary);
    TransitionPlan plan = checked(from, to);
    assertThat(plan.actions())
        .containsExactly(
            new Roll(
                "app",
                InstanceRef.expand("a", from, ExpansionOptions.NONE).stream()
                    .filter(i -> i.tier().equals("app"))
                    .toList(),
                "v1",
                "v2",
                List.of(),
                0,
                1,
                Optional.of(new CanaryPolicy(20, 0.99, 200, Duration.ofSeconds(10), 2, 5))),
            new Reconfigure(List.of("app.rollout", "app.canary")));
    assertThat(plan.render())
        .isEqualTo(
            """
            Plan for a, (no version) -> (no version): 7 -> 7 instances in 2 actions
             1. roll app v1 -> v2: 3 instances, at most 0 extra and 1 unavailable at a time
                canary first: 20% of calls, judged every 10s (success rate >= 0.99, p99 <= 200ms); \
            rolled back after 2 failed intervals, promoted after 5
             2. apply settings: app.rollout, app.canary
            """);
  }

  @Test
  void bothRolloutLimitsRoundingToZeroAllowOneUnavailableAsADeploymentDoes() {
    ArchitectureSpec to = base();
    TierSpec app = find(to, "app");
    app.setVersion("v2");
    RolloutSpec rollout = new RolloutSpec();
    rollout.setMaxSurge("0%");
    rollout.setMaxUnavailable("10%");
    app.setRollout(rollout);
    Roll roll = (Roll) checked(base(), to).actions().getFirst();
    assertThat(roll.maxSurge()).isZero();
    assertThat(roll.maxUnavailable()).isEqualTo(1);
  }

  @Test
  void settingsThatMoveNoInstanceAreAppliedLast() {
    ArchitectureSpec to = base();
    TrafficSpec traffic = new TrafficSpec();
    traffic.setRate(800.0);
    to.setTraffic(traffic);
    to.setVersion("v2");
    to.setDescription("faster");
    TransitionPlan plan = checked(base(), to);
    assertThat(plan.actions()).containsExactly(new Reconfigure(List.of("traffic")));
  }

  @Test
  void everyActionKindIsPrinted() {
    ArchitectureSpec from = base();
    from.setVersion("one");
    from.getServices().add(0, tier("old", "store", 1, 1));
    find(from, "app").setDependencies(new ArrayList<>(List.of("db", "old")));
    ArchitectureSpec to = base();
    to.setVersion("two");
    to.getServices().add(0, tier("cache", "store", 2, 1));
    find(to, "app").setDependencies(new ArrayList<>(List.of("db", "cache")));
    find(to, "app").setVersion("v2");
    find(to, "db").setCount(3);
    assertThat(checked(from, to).render())
        .isEqualTo(
            """
            Plan for a, one -> two: 8 -> 10 instances in 7 actions
             1. start cache (new tier): 2 instances: us-east-1 cache00..cache01
             2. start db (scale up 2 -> 3 per region): 1 instance: us-east-1 db02
             3. wait until ready: cache (2), db (1)
             4. re-point app: [db, old] -> [db, cache]
             5. roll app (no version) -> v2: 3 instances, at most 1 extra and 0 unavailable at a time
             6. drain old (tier removed): 1 instance: us-east-1 old00
             7. stop old: 1 instance
            """);
  }

  @Test
  void theSimulatorCatchesAPlanThatWouldLoseCalls() {
    ArchitectureSpec from = base();
    List<InstanceRef> running = InstanceRef.expand("a", from, ExpansionOptions.NONE);
    List<InstanceRef> db = running.stream().filter(i -> i.tier().equals("db")).toList();
    InstanceRef cache =
        new InstanceRef(
            "a.us-east-1.zoneA.cache00",
            "cache",
            io.simianviz.model.TierPackage.STORE,
            "us-east-1",
            "zoneA",
            0,
            null);
    TransitionPlan bad =
        new TransitionPlan(
            "a",
            null,
            null,
            6,
            5,
            List.of(
                new StartInstances("cache", List.of(cache), List.of(), "new tier"),
                new Repoint("app", List.of("db"), List.of("cache")),
                new AwaitReady(List.of(cache)),
                new Drain("db", db.subList(0, 1), "tier removed"),
                new Stop("db", db)));
    assertThat(PlanSimulator.run(running, from, bad).violations())
        .containsExactly(
            "action 2: re-pointed a.us-east-1.zoneA.app00 to cache before it was ready",
            "action 2: re-pointed a.us-east-1.zoneB.app01 to cache before it was ready",
            "action 2: re-pointed a.us-east-1.zoneC.app02 to cache before it was ready",
            "action 5: stopped a.us-east-1.zoneB.db01 without draining it");
    TransitionPlan drainTooEarly =
        new TransitionPlan(
            "a",
            null,
            null,
            6,
            4,
            List.of(new Drain("db", db, "tier removed"), new Stop("db", db)));
    assertThat(PlanSimulator.run(running, from, drainTooEarly).violations())
        .containsExactly(
            "action 1: drained a.us-east-1.zoneA.db00 while a.us-east-1.zoneA.app00 calls db and"
                + " has no other ready instance of it",
            "action 1: drained a.us-east-1.zoneB.db01 while a.us-east-1.zoneA.app00 calls db and"
                + " has no other ready instance of it");
  }
}
