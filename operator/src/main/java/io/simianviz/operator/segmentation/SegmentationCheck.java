package io.simianviz.operator.segmentation;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.segmentation.SegmentationPlan;
import io.simianviz.api.segmentation.SegmentationResult;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.SegmentationStatus;
import io.simianviz.model.Defaults;
import io.simianviz.operator.OperatorConfig;
import io.simianviz.operator.status.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The segmentation section and the Segmented condition of a valid architecture's status. Probes run
 * only once the tiers are ready, once per spec generation and again every {@code
 * segmentationInterval}; a re-check that finds what the status already shows leaves it as it is
 * (times included), so it causes no write.
 */
@ApplicationScoped
public class SegmentationCheck {
  public static final String CONDITION = "Segmented";

  private final ProbeRunner runner;
  private final ManifestOptions options;
  private final Duration interval;
  private final ProbeSchedule schedule = new ProbeSchedule();

  public SegmentationCheck(ProbeRunner runner, OperatorConfig config) {
    this.runner = runner;
    this.options = config.manifestOptions();
    this.interval = config.segmentationInterval();
  }

  /** How long until the next re-check is due, for the reconcile to be rescheduled. */
  public Duration interval() {
    return interval;
  }

  /**
   * Adds the segmentation findings to a freshly aggregated status (changed in place).
   *
   * @param client reads the architecture's pods when probes are due
   */
  public void update(
      Architecture architecture,
      ArchitectureStatus status,
      long generation,
      KubernetesClient client,
      Instant now) {
    String key =
        architecture.getMetadata().getNamespace() + "/" + architecture.getMetadata().getName();
    if (!Defaults.segmentationEnabled(architecture.getSpec())) {
      schedule.forget(key);
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
    if (!Conditions.isTrue(status.getConditions(), Conditions.READY)
        || !schedule.due(key, generation, now, interval)) {
      return;
    }
    List<Pod> pods = pods(client, architecture);
    SegmentationResult result =
        runner.run(SegmentationPlan.of(architecture, options.servicePort()), pods);
    schedule.ran(key, generation, now);

    SegmentationStatus previous = status.getSegmentation();
    boolean same = SegmentationResult.sameFindings(previous, result.toStatus(now));
    Condition condition = Conditions.find(status.getConditions(), CONDITION).orElse(null);
    if (same
        && condition != null
        && Objects.equals(condition.getObservedGeneration(), generation)) {
      return;
    }
    if (!same) {
      status.setSegmentation(result.toStatus(now));
    }
    setCondition(
        status, generation, now, result.allMet(), reason(result), result.conditionMessage());
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

  private static List<Pod> pods(KubernetesClient client, Architecture architecture) {
    return client
        .pods()
        .inNamespace(architecture.getMetadata().getNamespace())
        .withLabels(
            Map.of(
                ManifestLabels.MANAGED_BY,
                ManifestLabels.MANAGED_BY_VALUE,
                ManifestLabels.ARCHITECTURE,
                architecture.getMetadata().getName()))
        .list()
        .getItems();
  }
}
