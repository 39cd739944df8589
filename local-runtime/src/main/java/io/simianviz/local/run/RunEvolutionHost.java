package io.simianviz.local.run;

import io.simianviz.local.evolution.EvolutionHost;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Topology;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.stats.LatencyHistogram;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * A local run as an evolution sees it: its instances started, replaced, drained and stopped by
 * {@link InstanceChanges}, its traffic read with the sources a step stopped ({@link
 * TrafficRetirement}), its rate, clock, console and live model.
 */
public final class RunEvolutionHost implements EvolutionHost {
  private final String arch;
  private final ExpansionOptions expansion;
  private final boolean rateOverridden;
  private final ProcessContext process;
  private final RunTraffic traffic;
  private final RunInstances instances;
  private final TrafficRetirement retirement;
  private final InstanceChanges changes;
  private final RunClock clock;
  private final LiveWiring live;
  private final Consumer<String> events;

  /**
   * @param port the port every instance listens on (0: a free one)
   * @param rateOverridden whether --rate fixes the rate
   * @param events console lines
   */
  public RunEvolutionHost(
      String arch,
      ExpansionOptions expansion,
      int port,
      boolean rateOverridden,
      ProcessContext process,
      RunInstances instances,
      RunTraffic traffic,
      RunClock clock,
      LiveWiring live,
      Consumer<String> events) {
    this.arch = arch;
    this.expansion = expansion;
    this.rateOverridden = rateOverridden;
    this.process = process;
    this.instances = instances;
    this.traffic = traffic;
    this.retirement = new TrafficRetirement(process, instances);
    this.changes =
        new InstanceChanges(arch, port, process, instances, traffic, retirement, clock, events);
    this.clock = clock;
    this.live = live;
    this.events = events;
  }

  @Override
  public String arch() {
    return arch;
  }

  @Override
  public ExpansionOptions expansion() {
    return expansion;
  }

  @Override
  public Future<Void> start(List<InstanceRef> refs, ArchitectureSpec spec) {
    return changes.start(refs, spec);
  }

  @Override
  public Future<Void> replace(List<InstanceRef> refs, ArchitectureSpec spec, Duration longest) {
    return changes.replace(refs, spec, longest);
  }

  @Override
  public Future<Void> drain(List<InstanceRef> refs, Duration longest) {
    return changes.drain(refs, longest);
  }

  @Override
  public Future<Void> stop(List<InstanceRef> refs) {
    return changes.stop(refs);
  }

  @Override
  public void topology(Topology next) {
    instances.evolveTo(next);
  }

  /**
   * Every traffic source's settled counters, summed, with those of sources stopped by a step: a
   * step's window must not lose the requests of a source that has gone.
   */
  @Override
  public TrafficReading reading() {
    return retirement.reading();
  }

  @Override
  public Histogram served(String tier) {
    return ServedFigures.ofTier(process.stats(), tier);
  }

  @Override
  public LatencyHistogram.Snapshot servedBy(List<InstanceRef> refs) {
    return ServedFigures.ofInstances(refs.stream().map(r -> instances.running(r.name())).toList());
  }

  @Override
  public void trafficRate(double rate) {
    traffic.rate(rate);
  }

  @Override
  public boolean rateOverridden() {
    return rateOverridden;
  }

  /**
   * The longest attempt of a call to a drained instance, twice the call timeout: the wait for a
   * connection and the wait for the answer. A drain that reaches it ends with calls still open.
   */
  @Override
  public Duration drainTime() {
    return process.policy().timeout().multipliedBy(2);
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
    events.accept(line);
  }

  @Override
  public LiveArchitecture live() {
    return live.model();
  }
}
