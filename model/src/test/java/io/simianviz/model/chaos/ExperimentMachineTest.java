package io.simianviz.model.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.chaos.ExperimentMachine.Action;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.spec.chaos.SteadyStateSpec;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ExperimentMachineTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long LAG = 3_000;

  /** Cumulative counters of a source sending 100 requests a second; failures set per second. */
  private static final class Traffic {
    long sent;
    long answered;
    long errors;
    long lost;
    final Histogram latency = TrafficReading.newHistogram();

    /** One settled second of traffic, with {@code failed} errors and {@code lostOnes} lost. */
    void second(int failed, int lostOnes, long latencyMicros) {
      sent += 100;
      errors += failed;
      lost += lostOnes;
      answered += 100 - failed - lostOnes;
      latency.recordValueWithCount(latencyMicros, 100 - lostOnes);
    }

    TrafficReading at(long now) {
      // Settled through the end of the second sent LAG ago.
      return new TrafficReading(now - LAG + 1000, sent, answered, errors, lost, latency);
    }
  }

  private static ExperimentSettings settings(Double maxP99Ms) {
    ChaosExperimentSpec spec = new ChaosExperimentSpec();
    spec.setKind(ChaosKind.GORILLA);
    spec.setTarget("zoneA");
    spec.setDuration("10s");
    SteadyStateSpec steady = new SteadyStateSpec();
    steady.setWindow("5s");
    steady.setInterval("1s");
    steady.setFailureThreshold(3);
    steady.setMaxP99Ms(maxP99Ms);
    spec.setSteadyState(steady);
    return ExperimentSettings.of(spec);
  }

  /**
   * Drives a machine second by second; {@code failuresAt} gives the failed requests of the second
   * sent at that offset from the start. Returns the status at the end.
   */
  private static ExperimentStatus drive(
      ExperimentSettings settings, java.util.function.IntUnaryOperator failuresAt) {
    ExperimentMachine machine = new ExperimentMachine(settings, new ExperimentStatus());
    Traffic traffic = new Traffic();
    for (int s = 0; s < 120; s++) {
      long now = T0 + s * 1000L;
      // The second that became settled now is the one sent LAG ago.
      int sentAt = s - (int) (LAG / 1000);
      if (sentAt >= 0) {
        traffic.second(failuresAt.applyAsInt(sentAt), 0, 2_000);
      }
      Action action = machine.advance(now, traffic.at(now));
      switch (action) {
        case Action.Inject inject -> machine.injected(now, "gorilla zoneA", List.of("a", "b"));
        case Action.Restore restore -> machine.restored(now);
        case Action.Finished finished -> {
          return machine.status();
        }
        case Action.Wait w -> {}
      }
    }
    throw new AssertionError("the experiment never finished: " + machine.status().getPhase());
  }

  @Test
  void aSteadyRunPassesWithThreeWindowsThatAddUp() {
    ExperimentStatus status = drive(settings(null), s -> 0);
    assertThat(status.getPhase()).isEqualTo(ExperimentPhase.Completed);
    assertThat(status.getVerdict()).isEqualTo(Verdict.Pass);
    assertThat(status.getWindows())
        .extracting(WindowStatus::getName)
        .containsExactly("before", "during", "after");
    for (WindowStatus w : status.getWindows()) {
      assertThat(w.getRequests()).isEqualTo(w.getAnswered() + w.getErrors() + w.getLost());
      assertThat(w.getRequests()).isPositive();
      assertThat(w.isMet()).isTrue();
    }
    assertThat(status.getVictims()).containsExactly("a", "b");
    assertThat(status.getProgress()).isNull();
  }

  @Test
  void theWindowsTogetherCountEveryRequestSentFromStartToEndOnce() {
    ExperimentStatus status = drive(settings(null), s -> s % 7 == 0 ? 1 : 0);
    long counted = status.getWindows().stream().mapToLong(WindowStatus::getRequests).sum();
    // Contiguous windows: every second sent from the start (T0) to the last window's end.
    long seconds =
        (java.time.Instant.parse(status.getWindows().get(2).getTo()).toEpochMilli() - T0) / 1000;
    assertThat(counted).isEqualTo(100 * seconds);
  }

  @Test
  void aBadSteadyStateFailsBeforeAnythingIsTouched() {
    ExperimentStatus status = drive(settings(null), s -> 5);
    assertThat(status.getVerdict()).isEqualTo(Verdict.Fail);
    assertThat(status.getInjectedAt()).isNull();
    assertThat(status.getMessage())
        .isEqualTo(
            "steady state not met before the outage: success rate 95.00% is below 99.00%"
                + " (15 errors, 0 lost of 300)");
  }

  @Test
  void anOutageThatBreaksTheThresholdIsAbortedAfterThreeBadReadings() {
    // Failures start with the outage (sent from second 5 on) and never stop.
    ExperimentStatus status = drive(settings(null), s -> s >= 5 ? 50 : 0);
    assertThat(status.getVerdict()).isEqualTo(Verdict.Fail);
    assertThat(status.getMessage())
        .startsWith("aborted after ")
        .contains("3 readings in a row missed the steady state (success rate 50.00%");
    long injected = java.time.Instant.parse(status.getInjectedAt()).toEpochMilli();
    long restored = java.time.Instant.parse(status.getRestoredAt()).toEpochMilli();
    assertThat(restored - injected).isLessThan(10_000); // before the planned 10 s
    assertThat(status.getWindows())
        .extracting(WindowStatus::getName)
        .containsExactly("before", "during", "after");
  }

  @Test
  void aShortBlipBelowTheThresholdIsNotAnAbortButStillFailsTheDuringWindow() {
    ExperimentStatus status = drive(settings(null), s -> s == 9 ? 100 : 0);
    assertThat(status.getVerdict()).isEqualTo(Verdict.Fail);
    assertThat(status.getMessage()).startsWith("missed the steady state, during: success rate");
    long injected = java.time.Instant.parse(status.getInjectedAt()).toEpochMilli();
    long restored = java.time.Instant.parse(status.getRestoredAt()).toEpochMilli();
    assertThat(restored - injected).isEqualTo(10_000);
  }

  @Test
  void latencyAboveTheLimitMissesTheWindow() {
    ExperimentStatus status = drive(settings(1.0), s -> 0);
    assertThat(status.getVerdict()).isEqualTo(Verdict.Fail);
    assertThat(status.getMessage()).contains("p99 2.0 ms is above 1.0 ms");
  }

  @Test
  void aMachineRebuiltFromTheStoredStatusCarriesOnToTheSameVerdict() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ExperimentSettings settings = settings(null);
    ExperimentMachine machine = new ExperimentMachine(settings, new ExperimentStatus());
    Traffic traffic = new Traffic();
    Action action = null;
    for (int s = 0; s < 120 && !(action instanceof Action.Finished); s++) {
      long now = T0 + s * 1000L;
      if (s >= 3) {
        traffic.second(0, 0, 2_000);
      }
      // Every second a new process takes over from what was stored (an operator restart).
      ExperimentStatus stored =
          json.readValue(json.writeValueAsString(machine.status()), ExperimentStatus.class);
      machine = new ExperimentMachine(settings, stored);
      action = machine.advance(now, traffic.at(now));
      if (action instanceof Action.Inject) {
        machine.injected(now, "gorilla zoneA", List.of("a"));
      } else if (action instanceof Action.Restore) {
        machine.restored(now);
      }
    }
    assertThat(machine.status().getVerdict()).isEqualTo(Verdict.Pass);
    assertThat(machine.status().getWindows()).hasSize(3);
  }

  @Test
  void aPersonStoppingTheOutageRestoresItAndLeavesNoVerdict() {
    ExperimentMachine machine = new ExperimentMachine(settings(null), new ExperimentStatus());
    Traffic traffic = new Traffic();
    for (int s = 0; machine.status().getPhase() != ExperimentPhase.During; s++) {
      traffic.second(0, 0, 1000);
      long now = T0 + s * 1000L;
      if (machine.advance(now, traffic.at(now)) instanceof Action.Inject) {
        machine.injected(now, "kong us-east-1", List.of("a"));
      }
    }
    assertThat(machine.stop(T0 + 60_000, "the experiment was deleted"))
        .isEqualTo(new Action.Restore("stopped: the experiment was deleted"));
    machine.restored(T0 + 60_100);
    assertThat(machine.status().getPhase()).isEqualTo(ExperimentPhase.Aborted);
    assertThat(machine.status().getVerdict()).isNull();
    assertThat(machine.status().getMessage())
        .isEqualTo("stopped: the experiment was deleted; the outage was restored");
  }

  @Test
  void withoutReadingsTheOutageIsStillRestoredOnTimeAndTheExperimentFailsLater() {
    ExperimentMachine machine = new ExperimentMachine(settings(null), new ExperimentStatus());
    Traffic traffic = new Traffic();
    long now = T0;
    for (; machine.status().getPhase() != ExperimentPhase.During; now += 1000) {
      traffic.second(0, 0, 1000);
      if (machine.advance(now, traffic.at(now)) instanceof Action.Inject) {
        machine.injected(now, "gorilla zoneA", List.of("a"));
      }
    }
    Action action;
    do {
      now += 1000;
      action = machine.advance(now, null);
    } while (action instanceof Action.Wait);
    assertThat(action).isInstanceOf(Action.Restore.class);
    machine.restored(now);
    do {
      now += 1000;
      action = machine.advance(now, null);
    } while (action instanceof Action.Wait);
    assertThat(machine.status().getVerdict()).isEqualTo(Verdict.Fail);
    assertThat(machine.status().getMessage())
        .isEqualTo("no settled traffic reading for 2 min after the window's end");
  }

  @Test
  void aDryRunAndARefusalEndWithoutAnOutage() {
    ExperimentMachine dry = new ExperimentMachine(settings(null), new ExperimentStatus());
    dry.wouldHit(T0, "gorilla zoneA", List.of("a", "b", "c"));
    assertThat(dry.status().getMessage())
        .isEqualTo("dry run: would take down 3 instances; nothing was touched");
    assertThat(dry.advance(T0 + 1, null)).isInstanceOf(Action.Finished.class);

    ExperimentMachine refused = new ExperimentMachine(settings(null), new ExperimentStatus());
    refused.refused(T0, "kong eu-west-1", "no region eu-west-1 in the architecture");
    assertThat(refused.status().getPhase()).isEqualTo(ExperimentPhase.Refused);
    assertThat(refused.status().getMessage()).isEqualTo("no region eu-west-1 in the architecture");
  }

  @Test
  void readingsThatComeRarelyStillGiveEveryWindowItsOwnTraffic() {
    ExperimentMachine machine = new ExperimentMachine(settings(null), new ExperimentStatus());
    Traffic traffic = new Traffic();
    long now = T0;
    Action action = machine.advance(now, traffic.at(now));
    // Readings every 25 s, each past several window boundaries at once.
    while (!(action instanceof Action.Finished)) {
      for (int i = 0; i < 25; i++) {
        traffic.second(0, 0, 1000);
      }
      now += 25_000;
      action = machine.advance(now, traffic.at(now));
      if (action instanceof Action.Inject) {
        machine.injected(now, "gorilla zoneA", List.of("a"));
      } else if (action instanceof Action.Restore) {
        machine.restored(now);
      }
    }
    assertThat(machine.status().getVerdict()).isEqualTo(Verdict.Pass);
    assertThat(machine.status().getWindows())
        .allSatisfy(w -> assertThat(w.getRequests()).isGreaterThanOrEqualTo(500));
  }
}
