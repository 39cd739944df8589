package io.simianviz.operator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.TierAutoscale;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.AutoscaleSpec;
import io.simianviz.operator.OperatorConfig.Autoscaling.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reconcile applies: decisions, else the status, else the count within the bounds. */
class AutoscaleTargetsTest {
  private static Architecture architecture(int count) {
    AutoscaleSpec autoscale = new AutoscaleSpec();
    autoscale.setMin(2);
    autoscale.setMax(12);
    autoscale.setTargetP99Ms(20.0);
    TierSpec node = new TierSpec();
    node.setName("node");
    node.setPackageName("karyon");
    node.setCount(count);
    node.setRegions(1);
    node.setAutoscale(autoscale);
    TierSpec db = new TierSpec();
    db.setName("db");
    db.setPackageName("store");
    db.setCount(3);
    db.setRegions(1);
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setServices(new ArrayList<>(List.of(db, node)));
    Architecture a = new Architecture();
    a.setMetadata(new ObjectMetaBuilder().withName("as").withNamespace("ns").build());
    a.setSpec(spec);
    return a;
  }

  @Test
  void beforeAnyDecisionTheTierStartsFromItsCountWithinTheBounds() {
    AutoscaleTargets t = AutoscaleTargets.of(architecture(1), List.of(), Mode.TRAFFIC);
    assertThat(t.replicas())
        .containsExactly(
            Map.entry("as-node-us-east-1-zone-a", 1),
            Map.entry("as-node-us-east-1-zone-b", 1),
            Map.entry("as-node-us-east-1-zone-c", 0));
    TierAutoscale e = t.status().getFirst();
    assertThat(e.getTier()).isEqualTo("node");
    assertThat(e.getMetric()).isEqualTo("p99Ms");
    assertThat(e.getTarget()).isEqualTo(20.0);
    assertThat(e.getCurrent()).isEqualTo(2);
    assertThat(e.getLastChange()).isNull();
  }

  @Test
  void aDecisionSetsTheReplicasAndTheStatus() {
    TierScale decided =
        new TierScale("node", 8, 8, Instant.parse("2026-01-05T10:00:15.250Z"), "why");
    AutoscaleTargets t = AutoscaleTargets.of(architecture(2), List.of(decided), Mode.TRAFFIC);
    assertThat(t.replicas().values()).containsExactly(3, 3, 2);
    assertThat(t.status().getFirst().getLastChange()).isEqualTo("2026-01-05T10:00:15Z");
    assertThat(t.status().getFirst().getReason()).isEqualTo("why");
  }

  /** A restarted operator resumes from the status, not from the spec's count. */
  @Test
  void withoutADecisionTheStatusIsResumed() {
    Architecture a = architecture(2);
    TierAutoscale shown = new TierAutoscale();
    shown.setTier("node");
    shown.setCurrent(7);
    shown.setRecommended(5);
    shown.setLastChange("2026-01-05T10:00:15Z");
    shown.setReason("2 -> 7");
    a.setStatus(new ArchitectureStatus());
    a.getStatus().setAutoscale(List.of(shown));
    TierScale resumed = AutoscaleTargets.resumed(a, a.getSpec().getServices().get(1));
    assertThat(resumed)
        .isEqualTo(new TierScale("node", 7, 5, Instant.parse("2026-01-05T10:00:15Z"), "2 -> 7"));
    assertThat(AutoscaleTargets.of(a, List.of(), Mode.TRAFFIC).replicas().values())
        .containsExactly(3, 2, 2);
  }

  @Test
  void withHpasNothingIsSetAndTheStatusJudgesTheReplicasTheHpaGave() {
    AutoscaleTargets t = AutoscaleTargets.of(architecture(2), List.of(), Mode.HPA);
    assertThat(t.replicas()).isEmpty();
    assertThat(t.status()).isNull();
    Deployment desired =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("d")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .build();
    Deployment actual = new DeploymentBuilder(desired).editSpec().withReplicas(5).endSpec().build();
    assertThat(
            AutoscaleTargets.observed(List.of(desired), Map.of("d", actual))
                .getFirst()
                .getSpec()
                .getReplicas())
        .isEqualTo(5);
  }

  @Test
  void aChangeOfCurrentIsAnEventWithItsReason() {
    ArchitectureStatus before = new ArchitectureStatus();
    before.setAutoscale(AutoscaleTargets.of(architecture(2), List.of(), Mode.TRAFFIC).status());
    ArchitectureStatus after = new ArchitectureStatus();
    after.setAutoscale(
        AutoscaleTargets.of(
                architecture(2),
                List.of(new TierScale("node", 8, 8, Instant.EPOCH, "2 -> 8 instances per region")),
                Mode.TRAFFIC)
            .status());
    assertThat(AutoscaleEvents.changes(before, after))
        .containsExactly("tier node: 2 -> 8 instances per region");
    assertThat(AutoscaleEvents.changes(after, after)).isEmpty();
    assertThat(AutoscaleEvents.changes(null, after)).isEmpty();
  }
}
