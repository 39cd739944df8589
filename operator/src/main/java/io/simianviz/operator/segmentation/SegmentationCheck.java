package io.simianviz.operator.segmentation;

import io.fabric8.kubernetes.api.model.Condition;
import io.simianviz.api.segmentation.SegmentationResult;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.SegmentationStatus;
import io.simianviz.model.Defaults;
import io.simianviz.operator.status.Conditions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The segmentation section and the Segmented condition of a valid architecture's status, from the
 * latest probe round ({@link ProbeRoundSource} runs them). A round that finds what the status
 * already shows leaves it as it is (times included), so it causes no write.
 */
public final class SegmentationCheck {
  public static final String CONDITION = "Segmented";

  private SegmentationCheck() {}

  /**
   * Adds the segmentation findings to a freshly aggregated status (changed in place).
   *
   * @param latest the latest probe round, none before the first
   */
  public static void update(
      Architecture architecture,
      ArchitectureStatus status,
      long generation,
      Optional<ProbeRound> latest,
      Instant now) {
    if (!Defaults.segmentationEnabled(architecture.getSpec())) {
      status.setSegmentation(SegmentationResult.disabled());
      setCondition(
          status,
          generation,
          now,
          false,
          "SegmentationDisabled",
          "spec.segmentation.enabled is false: no NetworkPolicies are created and nothing is"
              + " probed");
      return;
    }
    if (latest.isEmpty()) {
      return;
    }
    ProbeRound round = latest.get();
    SegmentationResult result = round.result();
    SegmentationStatus found = round.toStatus();
    boolean same = SegmentationResult.sameFindings(status.getSegmentation(), found);
    Condition condition = Conditions.find(status.getConditions(), CONDITION).orElse(null);
    if (same
        && condition != null
        && Objects.equals(condition.getObservedGeneration(), round.generation())) {
      return;
    }
    if (!same) {
      status.setSegmentation(found);
    }
    setCondition(
        status,
        round.generation(),
        round.checked(),
        result.allMet(),
        reason(result),
        result.conditionMessage());
  }

  private static String reason(SegmentationResult result) {
    if (result.allMet()) {
      return "AllProbesAsExpected";
    }
    if (result.policiesNotEnforced()) {
      return "PoliciesNotEnforced";
    }
    return result.anyUndeclaredConnected() ? "UndeclaredEdgeOpen" : "ProbesFailing";
  }

  private static void setCondition(
      ArchitectureStatus status,
      long generation,
      Instant now,
      boolean value,
      String reason,
      String message) {
    Conditions conditions = new Conditions(status.getConditions(), generation, now);
    conditions.set(CONDITION, value, reason, message);
    status.setConditions(conditions.list());
  }
}
