package io.simianviz.local;

import io.simianviz.local.chaos.ExperimentHost;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
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
    // TODO(chaos-svc): process().partition().isolate(names)
  }

  @Override
  public void heal(Collection<String> names) {
    // TODO(chaos-svc): process().partition().heal(names)
  }

  @Override
  public TrafficReading reading() {
    // Stand-in until TrafficSource.settled(): every answered request, through now.
    long completed = 0;
    long errors = 0;
    for (Nanoservice s : run.trafficSources()) {
      var summary = s.traffic().summary();
      completed += summary.requests();
      errors += summary.errors();
    }
    return new TrafficReading(
        System.currentTimeMillis(),
        completed,
        completed - errors,
        errors,
        0,
        TrafficReading.newHistogram());
  }

  @Override
  public long settleLagMillis() {
    CallPolicy p = run.process().policy();
    return p.timeout().toMillis() * 2 * (p.maxRetries() + 1);
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
