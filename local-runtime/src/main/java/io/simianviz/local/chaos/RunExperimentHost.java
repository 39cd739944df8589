package io.simianviz.local.chaos;

import io.simianviz.local.run.InstanceOutages;
import io.simianviz.local.run.LiveWiring;
import io.simianviz.local.run.RunClock;
import io.simianviz.local.run.RunInstances;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** A local run as the chaos experiments see it. */
public final class RunExperimentHost implements ExperimentHost {
  private final ProcessContext process;
  private final RunInstances instances;
  private final InstanceOutages outages;
  private final LiveWiring live;
  private final RunClock clock;
  private final Consumer<String> console;

  /**
   * @param console console lines
   */
  public RunExperimentHost(
      ProcessContext process,
      RunInstances instances,
      InstanceOutages outages,
      LiveWiring live,
      RunClock clock,
      Consumer<String> console) {
    this.process = process;
    this.instances = instances;
    this.outages = outages;
    this.live = live;
    this.clock = clock;
    this.console = console;
  }

  @Override
  public List<Instance> allInstances() {
    return instances.topology().instances();
  }

  @Override
  public List<Instance> upInstances() {
    return instances.up();
  }

  @Override
  public void kill(Instance victim) {
    outages.kill(victim);
  }

  @Override
  public Future<Void> halt(Instance victim) {
    return outages.halt(victim);
  }

  @Override
  public Future<Void> restart(Instance victim) {
    return outages.restart(victim);
  }

  @Override
  public void isolate(Collection<String> names) {
    process.partition().isolate(names);
    names.forEach(n -> live.model().instanceState(n, InstanceState.ISOLATED));
  }

  @Override
  public void heal(Collection<String> names) {
    process.partition().heal(names);
    names.forEach(n -> live.model().instanceState(n, InstanceState.READY));
  }

  @Override
  public void notice(EventKind kind, String text, List<String> instances) {
    live.model().event(kind, text, instances.toArray(String[]::new));
  }

  /**
   * Every traffic source's settled counters, summed: settled as far as the slowest source. A slice
   * of send time whose requests all have their outcome settles at once ({@code settledNow}); one
   * with a request still unanswered waits for its deadline, when that request counts lost.
   */
  @Override
  public TrafficReading reading() {
    return instances.trafficReading();
  }

  @Override
  public long settleLagMillis() {
    return TrafficSource.deadline(process).toMillis();
  }

  @Override
  public Vertx vertx() {
    return process.vertx();
  }

  @Override
  public long elapsedMillis() {
    return clock.elapsedMillis();
  }

  @Override
  public void event(String line) {
    console.accept(line);
  }
}
