package io.simianviz.local;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.chaos.ChaosEvent;
import io.simianviz.local.chaos.ExperimentHost;
import io.simianviz.local.chaos.RunChaos;
import io.simianviz.local.host.ConnectionPools;
import io.simianviz.local.run.LiveWiring;
import io.simianviz.local.run.RunClock;
import io.simianviz.local.run.RunEvolutionHost;
import io.simianviz.local.run.RunInstances;
import io.simianviz.local.run.RunTraffic;
import io.simianviz.model.Defaults;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A whole architecture in one JVM: every instance a real nanoservice server on its own loopback
 * address ({@link RunInstances}), found through an in-process registry, driven by the traffic
 * sources ({@link RunTraffic}), hit by the chaos monkey or experiments and replaced like a
 * Deployment would replace a pod ({@link RunChaos}), changed by evolution steps ({@link
 * RunEvolutionHost}) and drawn by the live view ({@link LiveWiring}). This class puts them together
 * for one run.
 */
public final class LocalRun implements AutoCloseable {
  private static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

  private final LoadedArchitecture loaded;
  private final ArchitectureSpec spec;
  private final RunOptions options;
  private final Console console;
  private final Vertx vertx = Vertx.vertx(RunProcess.vertxOptions(EVENT_LOOPS));
  private final RunClock clock = new RunClock();
  private final ProcessContext process;
  private final LiveWiring live;
  private final RunInstances instances;
  private final RunTraffic traffic;
  private final RunChaos chaos;

  private final ConnectionPools pools;

  /** Writes the outputs to {@code options.out()}, exports spans to the spec's Zipkin endpoint. */
  LocalRun(LoadedArchitecture loaded, RunOptions options, Console console) throws IOException {
    this(
        loaded,
        options,
        console,
        options.out(),
        ZipkinEndpoint.of(loaded.architecture().getSpec()));
  }

  /**
   * @param outputs the directory graph.json and spans.json are written to while the run goes
   * @param zipkinEndpoint where spans are also sent (Zipkin v2 JSON), or null
   */
  LocalRun(
      LoadedArchitecture loaded,
      RunOptions options,
      Console console,
      Path outputs,
      String zipkinEndpoint)
      throws IOException {
    this.loaded = loaded;
    this.spec = loaded.architecture().getSpec();
    this.options = options;
    this.console = console;
    Topology topology =
        TopologyExpander.expand(
            loaded.name(), spec, new ExpansionOptions(options.scale(), options.regions()));
    this.live = new LiveWiring(topology, clock);
    Files.createDirectories(outputs);
    this.pools = new ConnectionPools(topology);
    this.process =
        RunProcess.context(
            vertx,
            pools::perInstance,
            outputs.resolve("spans.json"),
            zipkinEndpoint,
            RunProcess.sampleRate(options, spec));
    this.instances =
        new RunInstances(process, live, topology, outputs.resolve("graph.json"), loaded.name());
    this.traffic = new RunTraffic(process, instances, clock, console::event);
    this.chaos =
        new RunChaos(
            vertx,
            process,
            instances,
            live,
            clock,
            traffic,
            console::event,
            spec,
            options.duration(),
            options.replaceAfter(),
            options.seed());
  }

  Topology topology() {
    return instances.topology();
  }

  /**
   * Sizes the connection pools for every version the run will go through (an evolution): each tier
   * at its largest. Before {@link #start}.
   */
  void planFor(Map<String, Integer> instancesPerTier) {
    pools.plan(instancesPerTier);
  }

  /** The run as an evolution sees it: instances started, drained and stopped while it runs. */
  RunEvolutionHost evolutionHost() {
    return new RunEvolutionHost(
        loaded.name(),
        new ExpansionOptions(options.scale(), options.regions()),
        options.port(),
        options.rate() != null,
        process,
        instances,
        traffic,
        clock,
        live,
        console::event);
  }

  /**
   * The live model of this run (what the live view draws): instance states, traffic and events.
   * Code that changes the run tells it here, e.g. {@code live().event(EventKind.EXPERIMENT, ...)}.
   */
  public LiveArchitecture live() {
    return live.model();
  }

  /** What the live view is told, and its server. */
  LiveWiring liveWiring() {
    return live;
  }

  /**
   * Starts every instance, then the traffic sources (unless the rate is 0) and the monkey.
   *
   * @throws java.util.concurrent.ExecutionException with a {@link
   *     io.simianviz.local.run.StartFailure} naming the instance and its address when one could not
   *     start
   */
  void start() throws Exception {
    // Each caller learns its dependencies' packages and protocols from their specs.
    Map<String, TierSpec> tiers = new HashMap<>();
    spec.getServices().forEach(t -> tiers.put(t.getName(), t));
    EventLoopSlots slots =
        EventLoopSlots.deploy(vertx, EVENT_LOOPS, pools.listenPerLoop(EVENT_LOOPS));
    instances
        .startAll(slots, tiers, loaded.name(), options.port())
        .toCompletionStage()
        .toCompletableFuture()
        .get(120, TimeUnit.SECONDS);
    clock.startedUp();
    console.event(
        String.format(
            "all %d instances up in %.2f s",
            topology().instances().size(), clock.startupMillis() / 1000.0));
    if (options.sendsTraffic(spec)) {
      int[] mix = Defaults.mix(spec);
      traffic.start(slots, TrafficSource.Options.of(options.trafficRate(spec), mix[0], mix[1]));
      traffic.warmUp(options.warmup(), options.warmupUpTo());
    }
    chaos.start();
  }

  /** Leaves out the architecture's chaos monkey: chaos experiments run instead (before start). */
  void withoutMonkey() {
    chaos.withoutMonkey();
  }

  /** Kills an instance abruptly: see {@link RunChaos#kill}. */
  Future<Long> kill(Instance victim) {
    return chaos.kill(victim);
  }

  /** The run as chaos experiments see it: instances to halt, isolate and restart. */
  ExperimentHost experimentHost() {
    return chaos.experimentHost();
  }

  List<Instance> upInstances() {
    return instances.up();
  }

  int totalInstances() {
    return topology().instances().size();
  }

  int upCount() {
    return instances.upCount();
  }

  /** The instances up now. */
  List<Nanoservice> running() {
    return instances.running();
  }

  List<Nanoservice> trafficSources() {
    return instances.trafficSources();
  }

  /** The smallest HTTP/1.1 pool to an instance, over all tiers. */
  int smallestPool() {
    return pools.smallest();
  }

  ProcessContext process() {
    return process;
  }

  Vertx vertx() {
    return vertx;
  }

  /** The run's clocks: since it started, start-up, the measured window and its CPU time. */
  RunClock clock() {
    return clock;
  }

  long elapsedMillis() {
    return clock.elapsedMillis();
  }

  List<ChaosEvent> chaosEvents() {
    return chaos.events();
  }

  /** Ends the measured window: see {@link RunTraffic#finish}. */
  void finishTraffic() throws InterruptedException {
    traffic.finish();
  }

  LoadedArchitecture architecture() {
    return loaded;
  }

  /**
   * Stops traffic and lets in-flight requests finish (if {@link #finishTraffic} was not called),
   * then closes every server and the outputs.
   */
  @Override
  public void close() throws Exception {
    finishTraffic();
    try {
      instances.stopAll().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      try {
        process.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        console.event(
            "spans: not every span was written or sent within 30 s; spans.json may be incomplete");
      }
    } finally {
      instances.closeGraph();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
