package io.simianviz.operator.chaos;

import static io.simianviz.operator.chaos.ExperimentEvents.describe;
import static io.simianviz.operator.chaos.ExperimentEvents.label;
import static io.simianviz.operator.chaos.ExperimentEvents.on;
import static io.simianviz.operator.chaos.ExperimentStep.PLANNED;
import static io.simianviz.operator.chaos.ExperimentStep.RUNNING;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.api.v1alpha1.DeploymentReplicas;
import io.simianviz.api.v1alpha1.RestoreRecord;
import io.simianviz.model.chaos.ChaosDecision;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentMachine;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.chaos.OutageMode;
import io.simianviz.model.chaos.VictimSelector;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.topology.Instance;
import io.simianviz.operator.chaos.ChaosActions.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An experiment's outage made: the victims chosen under the guards, then a dry run's record, a
 * monkey's kill, or a {@code stop} or {@code isolate} outage in two steps, the restore record first
 * (see {@link ExperimentStep}).
 */
final class OutageInjection {
  private final Outages outages;
  private final ChaosActions actions;
  private final ExperimentEvents events;

  OutageInjection(Outages outages, ChaosActions actions, ExperimentEvents events) {
    this.outages = outages;
    this.actions = actions;
    this.events = events;
  }

  Optional<Duration> inject(
      ChaosExperiment experiment,
      Architecture architecture,
      ArchitectureInstances instances,
      ChaosExperimentStatus status,
      ExperimentMachine machine,
      ExperimentSettings settings,
      Instant now) {
    long millis = now.toEpochMilli();
    ChaosExperimentSpec spec = experiment.getSpec();
    if (architecture == null || instances == null) {
      return Optional.of(RUNNING); // gone since the run started: the reconciler says so
    }
    ChaosDecision decision =
        new VictimSelector(ChaosGuard.of(architecture.getSpec(), spec.getGuards()))
            .experiment(
                spec.getKind(),
                spec.getTarget(),
                spec.getRegion(),
                instances.all(),
                instances.up(),
                ThreadLocalRandom.current());
    if (decision instanceof ChaosDecision.Refused refused) {
      status.setRestore(null);
      events.refuse(
          experiment,
          architecture,
          machine,
          now,
          label(experiment, refused.target()),
          refused.reason());
      return Optional.empty();
    }
    ChaosDecision.Strike strike = (ChaosDecision.Strike) decision;
    String label = label(experiment, strike.target());
    List<String> victims = strike.victims().stream().map(Instance::name).toList();
    String namespace = experiment.getMetadata().getNamespace();
    if (settings.dryRun()) {
      machine.wouldHit(millis, label, victims);
      actions.record(
          spec.getKind(),
          Action.DRY_RUN,
          false,
          "ChaosDryRun",
          "dry run: " + label + " would take down " + String.join(", ", victims),
          on(experiment, architecture));
      return Optional.empty();
    }
    if (spec.getKind() == ChaosKind.MONKEY) {
      outages.kill(namespace, victims.getFirst());
      machine.injected(millis, label, victims);
      actions.record(
          ChaosKind.MONKEY,
          Action.KILL,
          false,
          "ChaosMonkeyKill",
          label + ": deleted pod " + victims.getFirst(),
          on(experiment, architecture));
      return Optional.of(RUNNING);
    }
    Instance first = strike.victims().getFirst();
    String region = first.region();
    String zone = spec.getKind() == ChaosKind.GORILLA ? first.zone() : null;
    RestoreRecord wanted =
        plan(
            experiment,
            settings.mode(),
            instances.area(region, zone),
            instances.areaPods(region, zone),
            region,
            zone);
    if (!wanted.equals(status.getRestore())) {
      status.setRestore(wanted); // written before the outage: the next reconcile makes it
      status.setTarget(label);
      status.setVictims(victims);
      return Optional.of(PLANNED);
    }
    if (settings.mode() == OutageMode.STOP) {
      outages.stop(namespace, wanted, experiment.getMetadata().getName());
    } else {
      outages.isolate(experiment, wanted, architecture.getMetadata().getName(), region, zone);
    }
    machine.injected(millis, label, victims);
    actions.record(
        spec.getKind(),
        Action.OUTAGE,
        false,
        "ChaosOutage",
        label + ": " + describe(wanted) + " (" + victims.size() + " instances)",
        on(experiment, architecture));
    return Optional.of(RUNNING);
  }

  /**
   * What must be restored: the area's Deployments at the counts the architecture gives them, or its
   * pods' label, the policy, and the area itself (whose pods that start later are labelled too).
   */
  private static RestoreRecord plan(
      ChaosExperiment experiment,
      OutageMode mode,
      List<Deployment> area,
      List<String> pods,
      String region,
      String zone) {
    RestoreRecord record = new RestoreRecord();
    if (mode == OutageMode.STOP) {
      record.setDeployments(
          area.stream()
              .map(
                  d ->
                      new DeploymentReplicas(
                          d.getMetadata().getName(),
                          Objects.requireNonNullElse(d.getSpec().getReplicas(), 0)))
              .toList());
    } else {
      record.setNetworkPolicy(experiment.getMetadata().getName() + "-isolate");
      record.setIsolatedPods(pods);
      record.setIsolatedRegion(region);
      record.setIsolatedZone(zone);
    }
    return record;
  }
}
