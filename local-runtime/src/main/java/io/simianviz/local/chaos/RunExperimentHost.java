package io.simianviz.local;

import io.simianviz.local.chaos.ExperimentHost;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;

/** A local run as the chaos experiments see it. */
final class RunExperimentHost implements ExperimentHost {
  private final LocalRun run;

  RunExperimentHost(LocalRun run) {
    this.run = run;
  }

  @Override
  public List<Instance> allInstances() {
    return run.topology().instances();
  }

  @Override
  public List<Instance> upInstances() {
    return run.upInstances();
  }

  @Override
  public void kill(Instance victim) {
    run.kill(victim);
  }

  @Override
  public Future<Void> halt(Instance victim) {
    return run.halt(victim);
  }

  @Override
  public Future<Void> restart(Instance victim) {
    return run.restart(victim);
  }

  @Override
  public void isolate(Collection<String> names) {
    run.process().partition().isolate(names);
    names.forEach(n -> run.live().instanceState(n, InstanceState.ISOLATED));
  }

  @Override
  public void heal(Collection<String> names) {
    run.process().partition().heal(names);
    names.forEach(n -> run.live().instanceState(n, InstanceState.READY));
  }

  @Override
  public void notice(EventKind kind, String text, List<String> instances) {
    run.live().event(kind, text, instances.toArray(String[]::new));
  }

  /**
   * Every traffic source's settled counters, summed: settled as far as the slowest source. A slice
   * of send time whose requests all have their outcome settles at once ({@code settledNow}); one
   * with a request still unanswered waits for its deadline, when that request counts lost.
   */
  @Override
  public TrafficReading reading() {
    TrafficReading sum = null;
    for (Nanoservice s : run.trafficSources()) {
      TrafficReading one = s.traffic().settledNow();
      sum = sum == null ? one : sum.plus(one);
    }
    return sum;
  }

  @Override
  public long settleLagMillis() {
    return TrafficSource.deadline(run.process()).toMillis();
  }

  @Override
  public Vertx vertx() {
    return run.vertx();
  }

  @Override
  public long elapsedMillis() {
    return run.elapsedMillis();
  }

  @Override
  public void event(String line) {
    run.console().event(line);
  }
}
