package io.simianviz.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.simianviz.api.manifest.ManifestLabels;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one desired Deployment stands, read from the Deployment the cluster has (absent while it is
 * being created).
 *
 * @param name the Deployment's name
 * @param tier the tier's name as written in the spec
 * @param place {@code region/zone} as in the pod labels
 * @param desired replicas the architecture asks for
 * @param ready ready replicas, at most {@code desired} (a surge pod does not count twice)
 * @param rolling whether the Deployment has yet to reach the desired state
 * @param failure why Kubernetes says the rollout fails (ReplicaFailure, ProgressDeadlineExceeded)
 */
public record DeploymentRollout(
    String name,
    String tier,
    String place,
    int desired,
    int ready,
    boolean rolling,
    Optional<String> failure) {

  public static DeploymentRollout of(Deployment desired, Deployment actual) {
    Map<String, String> labels = desired.getMetadata().getLabels();
    String place = labels.get(ManifestLabels.REGION) + "/" + labels.get(ManifestLabels.ZONE);
    String tier = desired.getMetadata().getAnnotations().get(ManifestLabels.TIER_NAME_ANNOTATION);
    int want = orZero(desired.getSpec().getReplicas());
    DeploymentStatus status = actual == null ? null : actual.getStatus();
    if (status == null) {
      return new DeploymentRollout(
          desired.getMetadata().getName(), tier, place, want, 0, true, Optional.empty());
    }
    int ready = Math.min(want, orZero(status.getReadyReplicas()));
    Long generation = actual.getMetadata().getGeneration();
    boolean observed =
        generation == null
            || (status.getObservedGeneration() != null
                && status.getObservedGeneration() >= generation);
    boolean rolling =
        ready < want || !observed || (orZero(status.getUpdatedReplicas()) < want && want > 0);
    return new DeploymentRollout(
        desired.getMetadata().getName(), tier, place, want, ready, rolling, failure(status));
  }

  private static Optional<String> failure(DeploymentStatus status) {
    List<DeploymentCondition> conditions =
        status.getConditions() == null ? List.of() : status.getConditions();
    for (DeploymentCondition c : conditions) {
      boolean failed =
          ("ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()))
              || ("Progressing".equals(c.getType()) && "False".equals(c.getStatus()));
      if (failed) {
        return Optional.of(c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
      }
    }
    return Optional.empty();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
