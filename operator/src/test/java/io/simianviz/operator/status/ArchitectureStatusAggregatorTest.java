package io.simianviz.operator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.TierStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ArchitectureStatusAggregatorTest {
  private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2025-01-01T10:05:00Z");

  private final List<Deployment> desired =
      List.of(
          want("lamp-web-a", "webserver", "zoneA", 2),
          want("lamp-web-b", "webserver", "zoneB", 2),
          want("lamp-db-a", "rds-mysql", "zoneA", 1));

  @Test
  void perTierReadinessAddsUpItsDeployments() {
    ArchitectureStatus status =
        ArchitectureStatusAggregator.valid(
            null,
            3,
            desired,
            Map.of("lamp-web-a", have(want("lamp-web-a", "webserver", "zoneA", 2), 2)),
            null,
            T0);

    assertThat(status.getTiers())
        .extracting(TierStatus::getName, TierStatus::getDesired, TierStatus::getReady)
        .containsExactly(Tuple.tuple("webserver", 4, 2), Tuple.tuple("rds-mysql", 1, 0));
    assertThat(status.getTiers().getFirst().getZones())
        .containsExactly("us-east-1/zoneA", "us-east-1/zoneB");
    assertThat(status.getTiersReady()).isEqualTo("0/2");
    assertThat(status.getObservedGeneration()).isEqualTo(3);
    assertThat(condition(status, Conditions.READY))
        .extracting(Condition::getStatus, Condition::getMessage, Condition::getObservedGeneration)
        .containsExactly("False", "0/2 tiers ready; waiting for webserver 2/4, rds-mysql 0/1", 3L);
    assertThat(condition(status, Conditions.PROGRESSING).getStatus()).isEqualTo("True");
    assertThat(condition(status, Conditions.INVALID_SPEC).getStatus()).isEqualTo("False");
  }

  @Test
  void allReadyIsReadyAndNotProgressing() {
    ArchitectureStatus status =
        ArchitectureStatusAggregator.valid(null, 1, desired, allReady(), null, T0);

    assertThat(status.getTiersReady()).isEqualTo("2/2");
    assertThat(condition(status, Conditions.READY).getStatus()).isEqualTo("True");
    assertThat(condition(status, Conditions.PROGRESSING).getStatus()).isEqualTo("False");
    assertThat(condition(status, Conditions.DEGRADED).getStatus()).isEqualTo("False");
  }

  @Test
  void theSameInputsGiveAnEqualStatusWithTheFirstTransitionTime() {
    ObjectMapper json = new ObjectMapper();
    ArchitectureStatus first =
        ArchitectureStatusAggregator.valid(null, 1, desired, allReady(), null, T0);
    ArchitectureStatus again =
        ArchitectureStatusAggregator.valid(first, 1, desired, allReady(), null, T1);

    assertThat((Object) json.valueToTree(again)).isEqualTo(json.valueToTree(first));
    assertThat(condition(again, Conditions.READY).getLastTransitionTime())
        .isEqualTo("2025-01-01T10:00:00Z");
  }

  @Test
  void aChangedConditionGetsANewTransitionTime() {
    ArchitectureStatus ready =
        ArchitectureStatusAggregator.valid(null, 1, desired, allReady(), null, T0);
    ArchitectureStatus lost =
        ArchitectureStatusAggregator.valid(ready, 1, desired, Map.of(), null, T1);

    assertThat(condition(lost, Conditions.READY).getLastTransitionTime())
        .isEqualTo("2025-01-01T10:05:00Z");
    assertThat(condition(lost, Conditions.INVALID_SPEC).getLastTransitionTime())
        .isEqualTo("2025-01-01T10:00:00Z");
  }

  @Test
  void aFailingRolloutIsDegradedNamingTheDeployment() {
    Deployment stuck = have(want("lamp-db-a", "rds-mysql", "zoneA", 1), 0);
    stuck
        .getStatus()
        .getConditions()
        .add(
            new DeploymentConditionBuilder()
                .withType("Progressing")
                .withStatus("False")
                .withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet has timed out progressing.")
                .build());

    ArchitectureStatus status =
        ArchitectureStatusAggregator.valid(null, 1, desired, Map.of("lamp-db-a", stuck), null, T0);

    assertThat(condition(status, Conditions.DEGRADED))
        .extracting(Condition::getStatus, Condition::getMessage)
        .containsExactly(
            "True", "lamp-db-a (ProgressDeadlineExceeded: ReplicaSet has timed out progressing.)");
  }

  @Test
  void anInvalidSpecKeepsEverythingElseAsItWas() {
    ArchitectureStatus ready =
        ArchitectureStatusAggregator.valid(null, 1, desired, allReady(), null, T0);

    ArchitectureStatus invalid =
        ArchitectureStatusAggregator.invalid(
            ready, 2, "services[0].package: unknown package \"nginx\"", T1);

    assertThat(invalid.getObservedGeneration()).isEqualTo(2);
    assertThat(condition(invalid, Conditions.INVALID_SPEC))
        .extracting(Condition::getStatus, Condition::getMessage, Condition::getObservedGeneration)
        .containsExactly("True", "services[0].package: unknown package \"nginx\"", 2L);
    assertThat(condition(invalid, Conditions.READY))
        .extracting(Condition::getStatus, Condition::getObservedGeneration)
        .containsExactly("True", 1L);
    assertThat(invalid.getTiers()).isEqualTo(ready.getTiers());
  }

  @Test
  void aFailedReconcileIsDegradedAndKeepsEverythingElse() {
    ArchitectureStatus ready =
        ArchitectureStatusAggregator.valid(null, 1, desired, allReady(), null, T0);

    ArchitectureStatus failed =
        ArchitectureStatusAggregator.failed(ready, 2, "deployments: connection refused", T1);

    assertThat(failed.getObservedGeneration()).isEqualTo(1);
    assertThat(condition(failed, Conditions.DEGRADED))
        .extracting(
            Condition::getStatus,
            Condition::getReason,
            Condition::getMessage,
            Condition::getObservedGeneration,
            Condition::getLastTransitionTime)
        .containsExactly(
            "True",
            "ReconcileError",
            "deployments: connection refused",
            2L,
            "2025-01-01T10:05:00Z");
    assertThat(condition(failed, Conditions.READY)).isEqualTo(condition(ready, Conditions.READY));
    assertThat(failed.getConditions())
        .extracting(Condition::getType)
        .containsExactly("Ready", "Progressing", "Degraded", "InvalidSpec");
    assertThat(failed.getTiers()).isEqualTo(ready.getTiers());
  }

  @Test
  void aFailureWithoutAnEarlierStatusIsOnlyDegraded() {
    ArchitectureStatus failed =
        ArchitectureStatusAggregator.failed(null, 1, "connection refused", T0);

    assertThat(failed.getObservedGeneration()).isNull();
    assertThat(failed.getConditions())
        .extracting(Condition::getType, Condition::getStatus)
        .containsExactly(tuple("Degraded", "True"));
  }

  @Test
  void conditionsOfOtherControllersSurvive() {
    ArchitectureStatus previous = new ArchitectureStatus();
    previous.setConditions(
        List.of(new ConditionBuilder().withType("ChaosActive").withStatus("True").build()));

    ArchitectureStatus status =
        ArchitectureStatusAggregator.valid(previous, 1, desired, allReady(), null, T0);

    assertThat(status.getConditions())
        .extracting(Condition::getType)
        .containsExactly("ChaosActive", "Ready", "Progressing", "Degraded", "InvalidSpec");
  }

  private Map<String, Deployment> allReady() {
    return Map.of(
        "lamp-web-a", have(desired.get(0), 2),
        "lamp-web-b", have(desired.get(1), 2),
        "lamp-db-a", have(desired.get(2), 1));
  }

  private static Condition condition(ArchitectureStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }

  private static Deployment want(String name, String tier, String zone, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of(ManifestLabels.REGION, "us-east-1", ManifestLabels.ZONE, zone))
        .withAnnotations(Map.of(ManifestLabels.TIER_NAME_ANNOTATION, tier))
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec()
        .build();
  }

  /** The Deployment as the cluster reports it, with that many ready replicas. */
  private static Deployment have(Deployment desired, int ready) {
    return new DeploymentBuilder(desired)
        .editMetadata()
        .withGeneration(1L)
        .endMetadata()
        .withNewStatus()
        .withObservedGeneration(1L)
        .withReplicas(desired.getSpec().getReplicas())
        .withUpdatedReplicas(desired.getSpec().getReplicas())
        .withReadyReplicas(ready)
        .endStatus()
        .build();
  }
}
