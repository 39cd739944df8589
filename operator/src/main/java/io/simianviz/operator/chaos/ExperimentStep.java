package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.api.v1alpha1.DeploymentReplicas;
import io.simianviz.api.v1alpha1.RestoreRecord;
import io.simianviz.model.chaos.ChaosDecision;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentMachine;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.chaos.OutageMode;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.Verdict;
import io.simianviz.model.chaos.VictimSelector;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.topology.Instance;
import io.simianviz.operator.chaos.ChaosActions.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One reconcile's worth of an experiment: the model's {@link ExperimentMachine}, rebuilt from the
 * status, is advanced with the clock and the latest settled reading, and the action it returns is
 * carried out on the cluster. Everything it needs next time is in the status it leaves.
 *
 * <p>A {@code stop} or {@code isolate} outage takes two reconciles: the first records what must be
 * restored ({@code status.restore}) and returns, so that record is written before the outage is;
 * the second finds it and makes the outage. A restart in between, or after, finds the record and
 * carries on: every write here is idempotent.
 */
final class ExperimentStep {
  /** How soon a running experiment is looked at again (its windows are read every second). */
  static final Duration RUNNING = Duration.ofSeconds(1);

  /** After recording the restore, the outage follows as soon as the status is written. */
  static final Duration PLANNED = Duration.ofMillis(100);

  private final Outages outages;
  private final ChaosActions actions;

  ExperimentStep(Outages outages, ChaosActions actions) {
    this.outages = outages;
    this.actions = actions;
  }

  /** Whether the experiment may still need traffic readings (not finished). */
  static boolean isRunning(ChaosExperiment experiment) {
    ChaosExperimentStatus status = experiment.getStatus();
    return status == null || status.getPhase() == null || !status.getPhase().isFinal();
  }

  /**
   * Moves the experiment on.
   *
   * @param status the status being written (a copy of the experiment's)
   * @param architecture the referenced Architecture; null when there is none
   * @param instances its instances; null when there is no architecture
   * @param pods its pods from the cache (an isolate outage labels those that start in its area)
   * @param reading the latest settled reading of its traffic sources, or null
   * @return when to come back; empty once the experiment is over
   */
  Optional<Duration> run(
      ChaosExperiment experiment,
      ChaosExperimentStatus status,
      Architecture architecture,
      ArchitectureInstances instances,
      Collection<Pod> pods,
      TrafficReading reading,
      Instant now) {
    ExperimentPhase before = status.getPhase();
    ExperimentSettings settings;
    try {
      settings = ExperimentSettings.of(experiment.getSpec());
    } catch (IllegalArgumentException e) {
      invalid(experiment, architecture, status, e.getMessage(), now);
      return Optional.empty();
    }
    ExperimentMachine machine = new ExperimentMachine(settings, status);
    Optional<Duration> next =
        switch (machine.advance(now.toEpochMilli(), reading)) {
          case ExperimentMachine.Action.Wait w ->
              Optional.of(
                  status.getPhase() == ExperimentPhase.During
                          && new IsolatedArea(outages)
                              .keep(experiment, status.getRestore(), instances, pods)
                      ? PLANNED
                      : RUNNING);
          case ExperimentMachine.Action.Finished f -> Optional.empty();
          case ExperimentMachine.Action.Restore r -> {
            restore(experiment, architecture, status, machine, r.reason(), now);
            yield Optional.of(RUNNING);
          }
          case ExperimentMachine.Action.Inject i ->
              inject(experiment, architecture, instances, status, machine, settings, now);
        };
    if (before != ExperimentPhase.Completed
        && status.getPhase() == ExperimentPhase.Completed
        && status.getVerdict() != null) {
      boolean failed = status.getVerdict() == Verdict.Fail;
      actions.record(
          experiment.getSpec().getKind(),
          Action.VERDICT,
          failed,
          failed ? "ChaosFail" : "ChaosPass",
          target(experiment) + ": " + status.getVerdict() + ", " + status.getMessage(),
          on(experiment, architecture));
    }
    return status.getPhase().isFinal() ? Optional.empty() : next;
  }

  /**
   * The spec is one the validator refuses (admission cannot check everything: a schedule's ranges,
   * a duration rounding to 0): the experiment is refused with the validator's message, and an
   * outage in effect is undone first. Once refused with that message, nothing more happens until
   * the spec changes.
   */
  void invalid(
      ChaosExperiment experiment,
      Architecture architecture,
      ChaosExperimentStatus status,
      String problems,
      Instant now) {
    String message = "invalid spec: " + problems;
    if (status.getPhase() == ExperimentPhase.Refused && message.equals(status.getMessage())) {
      return;
    }
    if (status.getRestore() != null) {
      outages.restore(experiment.getMetadata().getNamespace(), status.getRestore());
      status.setRestore(null);
    }
    ExperimentMachine machine =
        new ExperimentMachine(ExperimentSettings.of(new ChaosExperimentSpec()), status);
    refuse(experiment, architecture, machine, now, target(experiment), message);
  }

  /**
   * The experiment is being deleted: an outage in effect (or recorded, about to be) is undone now.
   */
  void stop(
      ChaosExperiment experiment,
      Architecture architecture,
      ChaosExperimentStatus status,
      Instant now) {
    if (status.getPhase() == null) {
      return;
    }
    ExperimentMachine machine =
        new ExperimentMachine(ExperimentSettings.of(new ChaosExperimentSpec()), status);
    ExperimentMachine.Action action =
        machine.stop(now.toEpochMilli(), "the ChaosExperiment was deleted");
    if (action instanceof ExperimentMachine.Action.Restore r) {
      restore(experiment, architecture, status, machine, r.reason(), now);
    } else if (status.getRestore() != null) {
      outages.restore(experiment.getMetadata().getNamespace(), status.getRestore());
      status.setRestore(null);
    }
  }

  private Optional<Duration> inject(
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
      refuse(
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

  private void restore(
      ChaosExperiment experiment,
      Architecture architecture,
      ChaosExperimentStatus status,
      ExperimentMachine machine,
      String reason,
      Instant now) {
    RestoreRecord record = status.getRestore();
    if (record != null) {
      outages.restore(experiment.getMetadata().getNamespace(), record);
      status.setRestore(null);
    }
    machine.restored(now.toEpochMilli());
    actions.record(
        experiment.getSpec().getKind(),
        Action.RESTORE,
        false,
        "ChaosRestore",
        target(experiment)
            + " restored"
            + (record == null ? "" : ": " + describe(record))
            + "; "
            + reason,
        on(experiment, architecture));
  }

  private void refuse(
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

  private static String describe(RestoreRecord record) {
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
  private static String label(ChaosExperiment experiment, String target) {
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

  private static String target(ChaosExperiment experiment) {
    return label(experiment, experiment.getSpec().getTarget());
  }

  private static HasMetadata[] on(ChaosExperiment experiment, Architecture architecture) {
    return architecture == null
        ? new HasMetadata[] {experiment}
        : new HasMetadata[] {experiment, architecture};
  }
}
