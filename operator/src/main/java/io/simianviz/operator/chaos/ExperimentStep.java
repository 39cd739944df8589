package io.simianviz.operator.chaos;

import static io.simianviz.operator.chaos.ExperimentEvents.describe;
import static io.simianviz.operator.chaos.ExperimentEvents.on;
import static io.simianviz.operator.chaos.ExperimentEvents.target;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.api.v1alpha1.RestoreRecord;
import io.simianviz.model.chaos.ExperimentMachine;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.Verdict;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.operator.chaos.ChaosActions.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

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
  private final ExperimentEvents events;
  private final OutageInjection injection;

  ExperimentStep(Outages outages, ChaosActions actions) {
    this.outages = outages;
    this.actions = actions;
    this.events = new ExperimentEvents(actions);
    this.injection = new OutageInjection(outages, actions, events);
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
                          && new IsolatedArea(outages).keep(experiment, status.getRestore(), pods)
                      ? PLANNED
                      : RUNNING);
          case ExperimentMachine.Action.Finished f -> Optional.empty();
          case ExperimentMachine.Action.Restore r -> {
            restore(experiment, architecture, status, machine, r.reason(), now);
            yield Optional.of(RUNNING);
          }
          case ExperimentMachine.Action.Inject i ->
              injection.inject(experiment, architecture, instances, status, machine, settings, now);
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
    events.refuse(experiment, architecture, machine, now, target(experiment), message);
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
}
