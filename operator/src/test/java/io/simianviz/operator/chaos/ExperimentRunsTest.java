package io.simianviz.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a scheduled experiment runs: the clock is the caller's, as the reconciler's is injected. */
class ExperimentRunsTest {
  private static final Instant CREATED = Instant.parse("2026-01-05T00:00:00Z");
  private static final Architecture ARCHITECTURE = new Architecture();

  @Test
  void theFirstRunWaitsForTheSchedulesFirstTimeAfterCreation() {
    ChaosExperiment experiment = experiment("0 3 * * *");
    ChaosExperimentStatus status = new ChaosExperimentStatus();

    assertThat(ExperimentRuns.due(experiment, status, ARCHITECTURE, at("01:00:00")))
        .contains(Duration.ofHours(2));
    assertThat(status.getPhase()).isEqualTo(ExperimentPhase.Pending);
    assertThat(status.getMessage())
        .isEqualTo("first run at 2026-01-05T03:00:00Z (schedule 0 3 * * *)");

    assertThat(ExperimentRuns.due(experiment, status, ARCHITECTURE, at("03:00:00"))).isEmpty();
  }

  @Test
  void afterARunTheResultStaysUntilTheNextCronTimeAfterItFinished() {
    ChaosExperiment experiment = experiment("0 3 * * *");
    ChaosExperimentStatus status = completed("03:00:40");

    Instant now = at("03:01:00");
    assertThat(ExperimentRuns.nextRun(experiment, status, now))
        .contains(Duration.ofHours(23).plusMinutes(59));
    assertThat(ExperimentRuns.due(experiment, status, ARCHITECTURE, now))
        .contains(Duration.ofHours(23).plusMinutes(59));
    assertThat(status.getPhase()).isEqualTo(ExperimentPhase.Completed);
    assertThat(status.getVerdict()).isEqualTo(Verdict.Pass);

    Instant next = Instant.parse("2026-01-06T03:00:00Z");
    assertThat(ExperimentRuns.due(experiment, status, ARCHITECTURE, next)).isEmpty();
    assertThat(status.getPhase()).isNull();
    assertThat(status.getVerdict()).isNull();
    assertThat(status.getFinishedAt()).isNull();
  }

  @Test
  void aLateReconcileRunsAtOnce() {
    ChaosExperiment experiment = experiment("*/5 * * * *");
    ChaosExperimentStatus status = completed("03:00:40");

    assertThat(ExperimentRuns.nextRun(experiment, status, at("03:07:00"))).contains(Duration.ZERO);
  }

  @Test
  void withoutAScheduleARunIsDueAtOnceAndNeverAgain() {
    ChaosExperiment experiment = experiment(null);

    assertThat(
            ExperimentRuns.due(
                experiment, new ChaosExperimentStatus(), ARCHITECTURE, at("01:00:00")))
        .isEmpty();
    assertThat(ExperimentRuns.nextRun(experiment, completed("03:00:40"), at("03:01:00"))).isEmpty();
  }

  @Test
  void aRefusedExperimentRunsAgainOnceItsSpecChanged() {
    ChaosExperiment experiment = experiment(null);
    ChaosExperimentStatus status = completed("03:00:40");
    status.setPhase(ExperimentPhase.Refused);
    status.setVerdict(null);
    status.setObservedGeneration(1L);

    assertThat(ExperimentRuns.due(experiment, status, ARCHITECTURE, at("03:01:00"))).isEmpty();
    assertThat(status.getPhase()).isEqualTo(ExperimentPhase.Refused);

    experiment.getMetadata().setGeneration(2L);
    assertThat(ExperimentRuns.due(experiment, status, ARCHITECTURE, at("03:02:00"))).isEmpty();
    assertThat(status.getPhase()).isNull();
  }

  private static ChaosExperiment experiment(String schedule) {
    ChaosExperiment experiment = new ChaosExperiment();
    experiment.setMetadata(
        new ObjectMetaBuilder()
            .withName("nightly")
            .withNamespace("lamp")
            .withGeneration(1L)
            .withCreationTimestamp(CREATED.toString())
            .build());
    experiment.getSpec().setArchitectureRef("lamp");
    experiment.getSpec().setSchedule(schedule);
    return experiment;
  }

  private static ChaosExperimentStatus completed(String finished) {
    ChaosExperimentStatus status = new ChaosExperimentStatus();
    status.setPhase(ExperimentPhase.Completed);
    status.setVerdict(Verdict.Pass);
    status.setStartedAt(at("03:00:00").toString());
    status.setFinishedAt(at(finished).toString());
    return status;
  }

  private static Instant at(String time) {
    return Instant.parse("2026-01-05T" + time + "Z");
  }
}
