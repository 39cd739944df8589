package io.simianviz.local.chaos;

import io.simianviz.local.run.InstanceOutages;
import io.simianviz.local.run.LiveWiring;
import io.simianviz.local.run.RunClock;
import io.simianviz.local.run.RunInstances;
import io.simianviz.local.run.RunTraffic;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.ProcessContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The chaos side of one local run: the architecture's own monkey, or none when chaos experiments
 * run instead, and the host those experiments act through. Both take instances out through the same
 * {@link InstanceOutages}, so a kill, a halt and an isolation are seen alike by the live view and
 * the console.
 */
public final class RunChaos {
  private final ProcessContext process;
  private final RunInstances instances;
  private final LiveWiring live;
  private final RunClock clock;
  private final Consumer<String> console;
  private final InstanceOutages outages;
  private final LocalChaos monkey;
  private volatile boolean monkeyOff;

  /**
   * @param runFor how long the run's traffic lasts (zero: until stopped)
   * @param replaceAfter how long a killed instance stays down before its replacement starts
   * @param seed the monkey's random choices
   */
  public RunChaos(
      Vertx vertx,
      ProcessContext process,
      RunInstances instances,
      LiveWiring live,
      RunClock clock,
      RunTraffic traffic,
      Consumer<String> console,
      ArchitectureSpec spec,
      Duration runFor,
      Duration replaceAfter,
      long seed) {
    this.process = process;
    this.instances = instances;
    this.live = live;
    this.clock = clock;
    this.console = console;
    this.outages =
        new InstanceOutages(
            vertx,
            process.discovery(),
            instances,
            live,
            clock,
            console,
            replaceAfter,
            traffic::over);
    this.monkey =
        new LocalChaos(
            vertx,
            clock,
            instances,
            outages,
            traffic::over,
            console,
            spec,
            runFor,
            replaceAfter,
            seed);
  }

  /** Leaves out the architecture's chaos monkey: chaos experiments run instead (before start). */
  public void withoutMonkey() {
    monkeyOff = true;
  }

  /** Schedules the monkey, unless it was left out. */
  public void start() {
    if (!monkeyOff) {
      monkey.start();
    }
  }

  /** Kills an instance abruptly: see {@link InstanceOutages#kill}. */
  public Future<Long> kill(Instance victim) {
    return outages.kill(victim);
  }

  /** The run as chaos experiments see it: instances to halt, isolate and restart. */
  public ExperimentHost experimentHost() {
    return new RunExperimentHost(process, instances, outages, live, clock, console);
  }

  /** The monkey's kills so far. */
  public List<ChaosEvent> events() {
    return monkey.events();
  }
}
