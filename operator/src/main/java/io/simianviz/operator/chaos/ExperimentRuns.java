package io.simianviz.operator.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.simianviz.api.chaos.ExperimentSchedule;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.model.chaos.ExperimentPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an experiment's run is due, and its status write. A run starts when its Architecture
 * exists and, with a {@code schedule}, at the schedule's first time after the experiment was
 * created. After a run ends, its result stays in the status until the schedule's next time after it
 * finished; then the status is reset and the next run starts (each run's verdict is also an event).
 * Without a schedule an experiment runs once, at once.
 */
final class ExperimentRuns {
  /**
   * How often an experiment waiting for its Architecture looks again (its creation also wakes it).
   */
  static final Duration WAITING = Duration.ofSeconds(30);

  private ExperimentRuns() {}

  /**
   * When a run is not due: how long until it may be (the status says why); empty when it is.
   *
   * @param status the status being written; reset here when a scheduled run starts again
   */
  static Optional<Duration> due(
      ChaosExperiment experiment,
      ChaosExperimentStatus status,
      Architecture architecture,
      Instant now) {
    if (status.getPhase() == ExperimentPhase.Refused
        && !Objects.equals(
            experiment.getMetadata().getGeneration(), status.getObservedGeneration())) {
      reset(status); // refused, then edited: the new spec gets its run
    }
    boolean started = status.getPhase() != null && status.getPhase() != ExperimentPhase.Pending;
    String reference = experiment.getSpec().getArchitectureRef();
    if (!started && (reference == null || reference.isBlank())) {
      return pending(
          status, "spec.architectureRef is required on a cluster: name the Architecture");
    }
    if (!started && architecture == null) {
      return pending(
          status,
          "no Architecture "
              + reference
              + " in namespace "
              + experiment.getMetadata().getNamespace()
              + " (spec.architectureRef)");
    }
    Optional<ExperimentSchedule> schedule = schedule(experiment);
    if (schedule.isEmpty()) {
      return Optional.empty();
    }
    if (!started) {
      Instant first = after(schedule.get(), created(experiment));
      if (now.isBefore(first)) {
        pending(status, "first run at " + first + " (schedule " + schedule.get() + ")");
        return Optional.of(Duration.between(now, first));
      }
      return Optional.empty();
    }
    if (status.getPhase().isFinal()) {
      Instant next = after(schedule.get(), Instant.parse(status.getFinishedAt()));
      if (now.isBefore(next)) {
        return Optional.of(Duration.between(now, next));
      }
      reset(status);
    }
    return Optional.empty();
  }

  /** After a run ended: when the schedule's next run is due, if there is a schedule. */
  static Optional<Duration> nextRun(
      ChaosExperiment experiment, ChaosExperimentStatus status, Instant now) {
    if (status.getPhase() == null
        || !status.getPhase().isFinal()
        || status.getFinishedAt() == null) {
      return Optional.empty();
    }
    return schedule(experiment)
        .map(s -> after(s, Instant.parse(status.getFinishedAt())))
        .map(next -> Duration.between(now, next))
        .map(d -> d.isNegative() ? Duration.ZERO : d);
  }

  static ChaosExperimentStatus copy(ChaosExperimentStatus status, KubernetesSerialization json) {
    return status == null ? new ChaosExperimentStatus() : json.clone(status);
  }

  /** The status patch, none when the experiment has that status already. */
  static Optional<ChaosExperiment> patch(
      ChaosExperiment experiment, ChaosExperimentStatus status, KubernetesSerialization json) {
    status.setObservedGeneration(experiment.getMetadata().getGeneration());
    JsonNode before =
        experiment.getStatus() == null
            ? null
            : json.convertValue(experiment.getStatus(), JsonNode.class);
    if (Objects.equals(before, json.convertValue(status, JsonNode.class))) {
      return Optional.empty();
    }
    ChaosExperiment patch = new ChaosExperiment();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(experiment.getMetadata().getName())
            .withNamespace(experiment.getMetadata().getNamespace())
            .build());
    patch.setSpec(null);
    patch.setStatus(status);
    return Optional.of(patch);
  }

  private static Optional<Duration> pending(ChaosExperimentStatus status, String message) {
    status.setPhase(ExperimentPhase.Pending);
    status.setMessage(message);
    return Optional.of(WAITING);
  }

  private static Optional<ExperimentSchedule> schedule(ChaosExperiment experiment) {
    String text = experiment.getSpec().getSchedule();
    return text == null || text.isBlank()
        ? Optional.empty()
        : Optional.of(ExperimentSchedule.parse(text));
  }

  private static Instant after(ExperimentSchedule schedule, Instant time) {
    return schedule
        .nextAfter(time)
        .orElseThrow(() -> new IllegalArgumentException("schedule " + schedule + " never runs"));
  }

  private static Instant created(ChaosExperiment experiment) {
    String created = experiment.getMetadata().getCreationTimestamp();
    return created == null ? Instant.EPOCH : Instant.parse(created);
  }

  /** Makes the status a fresh run's, keeping what is not the run's own (generation, conditions). */
  private static void reset(ChaosExperimentStatus status) {
    status.setPhase(null);
    status.setVerdict(null);
    status.setMessage(null);
    status.setTarget(null);
    status.setVictims(null);
    status.setStartedAt(null);
    status.setInjectedAt(null);
    status.setRestoredAt(null);
    status.setFinishedAt(null);
    status.setWindows(null);
    status.setProgress(null);
    status.setRestore(null);
  }
}
