package io.simianviz.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.model.chaos.ExperimentProgress;
import io.simianviz.model.chaos.ExperimentStatus;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.chaos.Verdict;
import io.simianviz.model.chaos.WindowStatus;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.topology.Instance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentNarrationTest {
  /** Records the console lines and notices; the run's clock reads 12.5 s. */
  private static final class Recorded implements ExperimentHost {
    final List<String> lines = new ArrayList<>();
    final List<String> notices = new ArrayList<>();

    @Override
    public List<Instance> allInstances() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Instance> upInstances() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void kill(Instance victim) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> halt(Instance victim) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> restart(Instance victim) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void isolate(Collection<String> names) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void heal(Collection<String> names) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TrafficReading reading() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long settleLagMillis() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Vertx vertx() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long elapsedMillis() {
      return 12_500;
    }

    @Override
    public void event(String line) {
      lines.add(line);
    }

    @Override
    public void notice(EventKind kind, String text, List<String> instances) {
      notices.add(kind + " " + text + " " + instances);
    }
  }

  private final Recorded host = new Recorded();

  private ExperimentNarration narration(ChaosKind kind) {
    ChaosExperimentSpec spec = new ChaosExperimentSpec();
    spec.setKind(kind);
    spec.setTarget("zoneA");
    PlannedExperiment planned = new PlannedExperiment("e.yaml", "e", spec);
    return new ExperimentNarration(host, planned, planned.settings());
  }

  private static WindowStatus window(String name, boolean met) {
    WindowStatus w = new WindowStatus();
    w.setName(name);
    w.setRequests(1000);
    w.setErrors(met ? 0 : 40);
    w.setSuccessRate(met ? 1 : 0.96);
    w.setP50Ms(2.5);
    w.setP99Ms(20);
    w.setMet(met);
    w.setMissed(met ? null : "success rate 96% < 99%");
    return w;
  }

  @Test
  void eachWindowAndEachNewBadReadingIsSaidOnce() {
    ExperimentNarration n = narration(ChaosKind.GORILLA);
    ExperimentStatus status = new ExperimentStatus();
    status.setProgress(new ExperimentProgress());
    status.getWindows().add(window("before", true));

    n.progress(status);
    n.progress(status);
    status.getProgress().setConsecutiveMissed(1);
    n.progress(status);
    n.progress(status);
    status.getProgress().setConsecutiveMissed(0);
    n.progress(status);
    status.getProgress().setConsecutiveMissed(1);
    status.getWindows().add(window("during", false));
    n.progress(status);

    assertThat(host.lines)
        .containsExactly(
            "  12.5s experiment e:   before    1000 requests      0 errors      0 lost  success"
                + " 100.000%  p50     2.50 ms  p99    20.00 ms  met",
            "  12.5s experiment e: reading 1 of 3 in a row below the steady state",
            "  12.5s experiment e:   during    1000 requests     40 errors      0 lost  success "
                + " 96.000%  p50     2.50 ms  p99    20.00 ms  missed: success rate 96% < 99%",
            "  12.5s experiment e: reading 1 of 3 in a row below the steady state");
  }

  @Test
  void aMonkeysTargetHasNoOutageMode() {
    assertThat(narration(ChaosKind.GORILLA).describe("us-east-1/zoneA"))
        .isEqualTo("gorilla us-east-1/zoneA stop");
    assertThat(narration(ChaosKind.MONKEY).describe("homepage")).isEqualTo("monkey homepage");
  }

  @Test
  void theVerdictIsTheOutcomeOfACompletedExperimentElseItsPhase() {
    ExperimentStatus passed = new ExperimentStatus();
    passed.setPhase(ExperimentPhase.Completed);
    passed.setVerdict(Verdict.Pass);
    passed.setMessage("every window met the steady state");
    passed.setVictims(List.of("db0"));
    ExperimentStatus stopped = new ExperimentStatus();
    stopped.setPhase(ExperimentPhase.Aborted);
    stopped.setMessage("stopped before the outage: Ctrl-C");

    ExperimentNarration n = narration(ChaosKind.GORILLA);
    n.verdict(passed);
    n.verdict(stopped);

    assertThat(host.lines)
        .containsExactly(
            "  12.5s experiment e: verdict Pass: every window met the steady state",
            "  12.5s experiment e: verdict Aborted: stopped before the outage: Ctrl-C");
    assertThat(host.notices.getFirst())
        .isEqualTo("VERDICT e: Pass: every window met the steady state [db0]");
  }
}
