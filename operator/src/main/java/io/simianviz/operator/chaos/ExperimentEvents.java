package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.RestoreRecord;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentMachine;
import io.simianviz.model.chaos.OutageMode;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.operator.chaos.ChaosActions.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How an experiment's actions are told: events on the experiment and its Architecture (through
 * {@link ChaosActions}), worded with its target (e.g. {@code gorilla us-east-1/zoneA stop}) and
 * with what a restore record holds.
 */
final class ExperimentEvents {
  private final ChaosActions actions;

  ExperimentEvents(ChaosActions actions) {
    this.actions = actions;
  }

  /** Nothing was hit: the machine records why, and a Warning event says it. */
  void refuse(
      ChaosExperiment experiment,
      Architecture architecture,
      ExperimentMachine machine,
      Instant now,
      String target,
      String reason) {
    machine.refused(now.toEpochMilli(), target, reason);
    actions.record(
        experiment.getSpec().getKind() == null ? ChaosKind.MONKEY : experiment.getSpec().getKind(),
        Action.REFUSE,
        true,
        "ChaosRefused",
        target + " refused: " + reason,
        on(experiment, architecture));
  }

  static String describe(RestoreRecord record) {
    List<String> parts = new ArrayList<>();
    if (!record.getDeployments().isEmpty()) {
      parts.add(
          "Deployments "
              + String.join(
                  ", ",
                  record.getDeployments().stream()
                      .map(d -> d.getName() + " (" + d.getReplicas() + ")")
                      .toList()));
    }
    if (record.getNetworkPolicy() != null) {
      parts.add("NetworkPolicy " + record.getNetworkPolicy());
    }
    if (!record.getIsolatedPods().isEmpty()) {
      parts.add(record.getIsolatedPods().size() + " pods labelled " + ManifestLabels.ISOLATED);
    }
    return String.join("; ", parts);
  }

  /** e.g. {@code gorilla us-east-1/zoneA stop}. */
  static String label(ChaosExperiment experiment, String target) {
    ChaosExperimentSpec spec = experiment.getSpec();
    String kind = spec.getKind() == null ? "chaos" : spec.getKind().value();
    if (spec.getKind() == ChaosKind.MONKEY || spec.getKind() == null) {
      return kind + " " + target;
    }
    return kind
        + " "
        + target
        + " "
        + (spec.getMode() == null ? OutageMode.STOP : spec.getMode()).value();
  }

  static String target(ChaosExperiment experiment) {
    return label(experiment, experiment.getSpec().getTarget());
  }

  static HasMetadata[] on(ChaosExperiment experiment, Architecture architecture) {
    return architecture == null
        ? new HasMetadata[] {experiment}
        : new HasMetadata[] {experiment, architecture};
  }
}
