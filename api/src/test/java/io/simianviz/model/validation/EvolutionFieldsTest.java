package io.simianviz.model.validation;

import static io.simianviz.api.testsupport.Specs.spec;
import static io.simianviz.api.testsupport.Specs.tier;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.TrafficSpec;
import io.simianviz.model.spec.evolution.AutoscaleSpec;
import io.simianviz.model.spec.evolution.CanaryAnalysisSpec;
import io.simianviz.model.spec.evolution.CanarySpec;
import io.simianviz.model.spec.evolution.RateStep;
import io.simianviz.model.spec.evolution.RolloutSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields of live evolution: version, rollout, canary, autoscale, traffic.schedule. */
class EvolutionFieldsTest {
  private static ArchitectureSpec base() {
    return spec(
        tier("www", "denominator", 0, 0, "elb"),
        tier("elb", "elb", 0, 1, "app"),
        tier("app", "karyon", 3, 1, "db"),
        tier("db", "store", 3, 1));
  }

  private static TierSpec app(ArchitectureSpec s) {
    return s.getServices().get(2);
  }

  private static List<String> errors(ArchitectureSpec spec) {
    return ArchitectureValidator.validate(spec).errors().stream().map(Problem::toString).toList();
  }

  private static List<String> warnings(ArchitectureSpec spec) {
    return ArchitectureValidator.validate(spec).warnings().stream().map(Problem::toString).toList();
  }

  @Test
  void everyFieldAsAUserWritesItReadsAndValidates() {
    String yaml =
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: push}
        spec:
          traffic:
            rate: 100
            schedule: [{at: 0s, rate: 100}, {at: 30s, rate: 800}]
          services:
            - {name: www, package: denominator, count: 0, regions: 0, dependencies: [app]}
            - name: app
              package: karyon
              count: 3
              version: v2
              errorRate: 0.2
              rollout: {maxSurge: 1, maxUnavailable: 25%}
              canary:
                weight: 10
                analysis: {minSuccessRate: 0.99, maxP99Ms: 250, interval: 10s, failureLimit: 2}
              autoscale: {min: 2, max: 6, targetRequestsPerInstance: 50}
        """;
    ArchitectureSpec s = ArchitectureFiles.parse(yaml, "push").architecture().getSpec();
    assertThat(errors(s)).isEmpty();
    assertThat(warnings(s)).isEmpty();
    TierSpec app = s.getServices().get(1);
    assertThat(app.getRollout().getMaxSurge()).isEqualTo("1");
    assertThat(app.getRollout().getMaxUnavailable()).isEqualTo("25%");
    assertThat(app.getCanary().getAnalysis().getInterval()).isEqualTo("10s");
    assertThat(s.getTraffic().getSchedule()).hasSize(2);
  }

  @Test
  void versionIsALabelValue() {
    ArchitectureSpec s = base();
    app(s).setVersion("v2 beta");
    assertThat(errors(s))
        .containsExactly(
            "services[2].version: must be a Kubernetes label value: at most 63 letters, digits,"
                + " '-', '_' or '.', starting and ending with a letter or digit (was \"v2 beta\")");
    app(s).setVersion("2.0.1-rc_1");
    assertThat(errors(s)).isEmpty();
  }

  @Test
  void rolloutLimitsAreNumbersOrPercentagesNotBothZero() {
    ArchitectureSpec s = base();
    RolloutSpec r = new RolloutSpec();
    r.setMaxSurge("lots");
    r.setMaxUnavailable("150%");
    app(s).setRollout(r);
    assertThat(errors(s))
        .containsExactly(
            "services[2].rollout.maxSurge: must be a whole number of instances or a percentage"
                + " such as 25% (was \"lots\")",
            "services[2].rollout.maxUnavailable: must be at most 100% (was 150%)");
    r.setMaxSurge("-1");
    r.setMaxUnavailable("0");
    assertThat(errors(s))
        .containsExactly("services[2].rollout.maxSurge: must not be negative (was -1)");
    r.setMaxSurge("0%");
    assertThat(errors(s))
        .containsExactly(
            "services[2].rollout: maxSurge and maxUnavailable must not both be 0 (no instance"
                + " could be replaced)");
  }

  @Test
  void canaryWeightAndAnalysisAreInRange() {
    ArchitectureSpec s = base();
    CanarySpec c = new CanarySpec();
    c.setWeight(100);
    CanaryAnalysisSpec a = new CanaryAnalysisSpec();
    a.setMinSuccessRate(99.0);
    a.setMaxP99Ms(0.0);
    a.setInterval("0s");
    a.setFailureLimit(0);
    a.setIterations(0);
    c.setAnalysis(a);
    app(s).setCanary(c);
    assertThat(errors(s))
        .containsExactly(
            "services[2].canary.weight: must be between 1 and 99 percent (was 100)",
            "services[2].canary.analysis.minSuccessRate: must be between 0 and 1 (was 99)",
            "services[2].canary.analysis.maxP99Ms: must be above 0 (was 0)",
            "services[2].canary.analysis.interval: must be above 0 (was \"0s\")",
            "services[2].canary.analysis.failureLimit: must be at least 1 (was 0)",
            "services[2].canary.analysis.iterations: must be at least 1 (was 0)");
  }

  @Test
  void autoscaleNeedsBoundsAndOneTarget() {
    ArchitectureSpec s = base();
    AutoscaleSpec a = new AutoscaleSpec();
    app(s).setAutoscale(a);
    assertThat(errors(s))
        .containsExactly(
            "services[2].autoscale.min: required (the fewest instances per region, at least 1)",
            "services[2].autoscale.max: required (the most instances per region)",
            "services[2].autoscale: needs a target: targetRequestsPerInstance or targetP99Ms");
    a.setMin(4);
    a.setMax(2);
    a.setTargetRequestsPerInstance(50.0);
    a.setTargetP99Ms(-1.0);
    a.setStabilizationWindow("soon");
    assertThat(errors(s))
        .containsExactly(
            "services[2].autoscale.max: must be at least min 4 (was 2)",
            "services[2].autoscale: takes one target, targetRequestsPerInstance or targetP99Ms,"
                + " not both",
            "services[2].autoscale.targetP99Ms: must be above 0 (was -1)",
            "services[2].autoscale.stabilizationWindow: \"soon\" is not a duration (expected e.g."
                + " 500ms, 30s, 5m, 1h30m)");
    a.setMin(0);
    a.setMax(6);
    a.setTargetP99Ms(null);
    a.setStabilizationWindow(null);
    assertThat(errors(s)).containsExactly("services[2].autoscale.min: must be at least 1 (was 0)");
  }

  @Test
  void autoscaleWarnsWhenTheCountIsOutsideItsBoundsAndRefusesASingleton() {
    ArchitectureSpec s = base();
    AutoscaleSpec a = new AutoscaleSpec();
    a.setMin(4);
    a.setMax(6);
    a.setTargetRequestsPerInstance(50.0);
    app(s).setAutoscale(a);
    assertThat(errors(s)).isEmpty();
    assertThat(warnings(s))
        .containsExactly("services[2].count: 3 is outside autoscale 4..6; the tier starts with 4");
    s.getServices().get(1).setAutoscale(a);
    assertThat(errors(s))
        .containsExactly(
            "services[1].autoscale: a tier with count 0 runs one instance not tied to a zone and"
                + " cannot scale; give it a count");
  }

  @Test
  void scheduleStepsAreDurationsInTimeOrderWithRates() {
    ArchitectureSpec s = base();
    TrafficSpec t = new TrafficSpec();
    t.setSchedule(
        List.of(
            new RateStep("30s", 100.0),
            new RateStep("10s", -5.0),
            new RateStep("later", 1.0),
            new RateStep(null, null)));
    s.setTraffic(t);
    assertThat(errors(s))
        .containsExactly(
            "traffic.schedule[1].rate: must not be negative (was -5)",
            "traffic.schedule[1].at: must be later than the step before (was 10s after 30s)",
            "traffic.schedule[2].at: \"later\" is not a duration (expected e.g. 500ms, 30s, 5m,"
                + " 1h30m)",
            "traffic.schedule[3].rate: required (requests per second from then on)",
            "traffic.schedule[3].at: required (time since the traffic started, e.g. 30s)");
  }
}
