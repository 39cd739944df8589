package io.simianviz.local;

import com.sun.management.OperatingSystemMXBean;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.host.FileDescriptorBudget;
import io.simianviz.model.Defaults;
import io.simianviz.model.TierPackage;
import io.simianviz.model.graph.SpigoGraphWriter;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.LoopbackAddresses;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.discovery.LocalRegistry;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.trace.SpanExporter;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole architecture in one JVM: every instance a real nanoservice server on its own loopback
 * address, found through an in-process registry, driven by the traffic sources, hit by the chaos
 * monkey and replaced like a Deployment would replace a pod.
 */
public final class LocalRun implements AutoCloseable {
  private static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

  private final LoadedArchitecture loaded;
  private final ArchitectureSpec spec;
  private final RunOptions options;
  private volatile Topology topology;
  private final Console console;
  private final Vertx vertx = Vertx.vertx(vertxOptions());
  private final LocalRegistry registry = new LocalRegistry();
  private final ProcessContext process;
  private final Map<String, Instance> instances = new ConcurrentHashMap<>();
  private final Map<String, Nanoservice> running = new ConcurrentHashMap<>();
  private final Map<String, Nanoservice> halted = new ConcurrentHashMap<>();
  private final Writer graphFile;
  private final SpigoGraphWriter graph;
  private final LocalChaos chaos;
  private final LiveArchitecture live;
  private EventLoopSlots slots;
  private final long startNanos = System.nanoTime();
  private volatile long startupMillis;
  private volatile long measuredFromMillis;
  private volatile long measuredFromCpuNanos;
  private volatile long measuredToMillis = -1;
  private volatile boolean trafficOver;
  private volatile boolean stopping;
  private volatile boolean monkeyOff;

  /** HTTP/1.1 connections to each instance of a tier, from the open-file limit. */
  private volatile Map<String, Integer> connectionsPerInstance;

  /** What the traffic sources send, once they started; a source started later sends the same. */
  private volatile TrafficSource.Options trafficOptions;

  /** Instances drained by an evolution step, not stopped yet. */
  private final Set<String> draining = ConcurrentHashMap.newKeySet();

  /** Addresses of instances started after the first version's (evolution steps): never reused. */
  private final AtomicInteger nextOrdinal = new AtomicInteger();

  /** Writes the outputs to {@code options.out()}, exports spans to the spec's Zipkin endpoint. */
  LocalRun(LoadedArchitecture loaded, RunOptions options, Console console) throws IOException {
    this(loaded, options, console, options.out(), zipkinEndpoint(loaded.architecture().getSpec()));
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
    this.topology =
        TopologyExpander.expand(
            loaded.name(), spec, new ExpansionOptions(options.scale(), options.regions()));
    this.live = LiveArchitecture.of(topology, this::elapsedMillis);
    topology.instances().forEach(i -> instances.put(i.name(), i));
    nextOrdinal.set(topology.instances().stream().mapToInt(Instance::ordinal).max().orElse(-1) + 1);
    Files.createDirectories(outputs);
    double sampleRate =
        options.sampleRate() != null
            ? options.sampleRate()
            : spec.getTracing() == null || spec.getTracing().getSampleRate() == null
                ? 1.0
                : spec.getTracing().getSampleRate();
    Map<String, Integer> instancesPerTier = new HashMap<>();
    topology.instances().forEach(i -> instancesPerTier.merge(i.tier(), 1, Integer::sum));
    this.connectionsPerInstance = FileDescriptorBudget.connectionsPerInstance(instancesPerTier);
    // A tier the pools were not sized for (a version watched for) gets a pod's pool.
    int podPool = CallPolicy.defaults().maxConnectionsPerInstance();
    this.process =
        new ProcessContext(
            vertx,
            registry,
            CallPolicy.defaults(),
            tier -> connectionsPerInstance.getOrDefault(tier, podPool),
            spanOptions(outputs.resolve("spans.json"), zipkinEndpoint),
            sampleRate);
    this.graphFile = Files.newBufferedWriter(outputs.resolve("graph.json"), StandardCharsets.UTF_8);
    this.graph = new SpigoGraphWriter(graphFile, loaded.name(), "simianviz run", Instant.now());
    this.chaos =
        new LocalChaos(this, spec, options.duration(), options.replaceAfter(), options.seed());
  }

  /** spans.json, and the Zipkin endpoint when there is one, as pod mode sends spans there. */
  private static SpanExporter.Options spanOptions(Path file, String zipkinEndpoint) {
    SpanExporter.Options toFile = SpanExporter.Options.toFile(file);
    return zipkinEndpoint == null
        ? toFile
        : new SpanExporter.Options(
            toFile.file(),
            null,
            zipkinEndpoint,
            toFile.capacity(),
            toFile.batchSize(),
            toFile.interval());
  }

  /** The spec's {@code tracing.zipkinEndpoint}, or null when it has none. */
  static String zipkinEndpoint(ArchitectureSpec spec) {
    String endpoint = spec.getTracing() == null ? null : spec.getTracing().getZipkinEndpoint();
    return endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
  }

  /** Requests per second of each traffic source: {@code --rate}, else the spec's. */
  static double trafficRate(RunOptions options, ArchitectureSpec spec) {
    return options.rate() != null ? options.rate() : Defaults.trafficRate(spec);
  }

  /** Whether the traffic sources send: traffic is on, at a rate above 0. */
  static boolean sendsTraffic(RunOptions options, ArchitectureSpec spec) {
    return Defaults.trafficEnabled(spec) && trafficRate(options, spec) > 0;
  }

  /**
   * One event loop per core, not Vert.x's two: every instance and connection lives in this process,
   * so a hop between instances on different loops wakes a sleeping thread, and extra loops only add
   * such wake-ups. The native epoll transport (Linux) saves a copy and a system call per read. The
   * context class loader is left alone: this process has one class path, and Vert.x would otherwise
   * set and restore it around every event it dispatches, several times per hop.
   */
  private static VertxOptions vertxOptions() {
    return new VertxOptions()
        .setEventLoopPoolSize(EVENT_LOOPS)
        .setPreferNativeTransport(true)
        .setDisableTCCL(true);
  }

  Topology topology() {
    return topology;
  }

  /**
   * Sizes the connection pools for every version the run will go through (an evolution): each tier
   * at its largest. Before {@link #start}.
   */
  void planFor(Map<String, Integer> instancesPerTier) {
    this.connectionsPerInstance = FileDescriptorBudget.connectionsPerInstance(instancesPerTier);
  }

  /** The architecture changed while it runs (an evolution step): the live model follows. */
  void evolveTo(Topology next) {
    topology = next;
    live.evolve(next);
  }

  /** A loopback address no instance of this run had: for instances started by evolution steps. */
  int newOrdinal() {
    return nextOrdinal.getAndIncrement();
  }

  /** The running instance of this name, or null. */
  Nanoservice runningInstance(String name) {
    return running.get(name);
  }

  /**
   * Starts an instance the run did not have, or a twin of a running one that takes over its name in
   * discovery once it listens (the one it replaces goes on serving the calls it has); completes
   * once it serves. A traffic source starts sending like the others.
   */
  Future<Nanoservice> startInstance(Instance instance, InstanceConfig config) {
    boolean fresh = instances.put(instance.name(), instance) == null;
    if (fresh) {
      graph.node(instance, config.host(), Instant.now());
    }
    return launch(instance, config)
        .compose(
            s -> {
              TrafficSource.Options traffic = trafficOptions;
              if (traffic == null || s.config().pkg() != TierPackage.DENOMINATOR) {
                return Future.succeededFuture(s);
              }
              return slots
                  .on(instance.ordinal(), () -> Future.succeededFuture(s.startTraffic(traffic)))
                  .map(t -> s);
            });
  }

  /** Every traffic source sends {@code rate} requests per second from now on (a rate schedule). */
  void trafficRate(double rate) {
    TrafficSource.Options now = trafficOptions;
    if (now == null) {
      return; // no traffic in this run
    }
    if (rate > 0) {
      trafficOptions =
          new TrafficSource.Options(
              rate, now.getWeight(), now.putWeight(), now.keySpace(), now.maxInFlight());
    }
    trafficSources().forEach(s -> s.traffic().rate(rate));
  }

  /**
   * An instance out of discovery until it stops (an evolution step's drain): chaos leaves it alone,
   * as it is going anyway.
   */
  void draining(String name) {
    draining.add(name);
  }

  /** Stops an instance for good (an evolution step, after its drain): it leaves the run. */
  Future<Void> removeInstance(String name) {
    draining.remove(name);
    Nanoservice s = running.remove(name);
    Instance instance = instances.remove(name);
    if (instance != null) {
      graph.done(instance, "removed", Instant.now());
    }
    try {
      live.remove(name);
    } catch (IllegalArgumentException e) {
      // not drawn
    }
    return s == null ? Future.succeededFuture() : s.stop();
  }

  /**
   * The live model of this run (what the live view draws): instance states, traffic and events.
   * Code that changes the run tells it here, e.g. {@code live().event(EventKind.EXPERIMENT, ...)}.
   */
  public LiveArchitecture live() {
    return live;
  }

  /**
   * Starts every instance, then the traffic sources (unless the rate is 0) and the monkey.
   *
   * @throws ExecutionException with a {@link StartFailure} naming the instance and its address when
   *     one could not start
   */
  void start() throws Exception {
    // Each caller learns its dependencies' packages and protocols from their specs.
    Map<String, TierSpec> tiers = new HashMap<>();
    for (TierSpec t : spec.getServices()) {
      tiers.put(t.getName(), t);
    }
    slots = EventLoopSlots.deploy(vertx, EVENT_LOOPS);
    process.links().onFirstCall(this::edge);
    List<Future<Nanoservice>> started = new ArrayList<>();
    Instant now = Instant.now();
    for (Instance i : topology.instances()) {
      graph.node(i, LoopbackAddresses.forOrdinal(i.ordinal()), now);
      InstanceConfig config =
          InstanceConfig.of(
              loaded.name(), i, tiers, LoopbackAddresses.forOrdinal(i.ordinal()), options.port());
      started.add(
          launch(i, config)
              .recover(
                  e ->
                      Future.failedFuture(
                          new StartFailure(i.name(), config.host(), config.port(), e))));
    }
    Future.all(started).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    startupMillis = elapsedMillis();
    measuredFromCpuNanos = processCpuNanos();
    console.event(
        String.format(
            "all %d instances up in %.2f s", topology.instances().size(), startupMillis / 1000.0));
    if (sendsTraffic(options, spec)) {
      double rate = trafficRate(options, spec);
      int[] mix = Defaults.mix(spec);
      TrafficSource.Options traffic = TrafficSource.Options.of(rate, mix[0], mix[1]);
      trafficOptions = traffic;
      List<Future<TrafficSource>> sources = new ArrayList<>();
      for (Instance i : topology.instances()) {
        Nanoservice s = running.get(i.name());
        if (s != null && s.config().pkg() == TierPackage.DENOMINATOR) {
          // On the instance's own event loop, so its timer and calls are not all on one thread.
          sources.add(slots.on(i.ordinal(), () -> Future.succeededFuture(s.startTraffic(traffic))));
        }
      }
      Future.all(sources).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      warmUp();
    }
    if (!monkeyOff) {
      chaos.start();
    }
  }

  /** Leaves out the architecture's chaos monkey: chaos experiments run instead (before start). */
  void withoutMonkey() {
    monkeyOff = true;
  }

  /** An edge in graph.json when one instance first calls another, as spigo drew connections. */
  private void edge(String caller, Endpoint callee) {
    if (stopping) {
      return; // graph.json is being closed
    }
    Instance source = instances.get(caller);
    Instance target = instances.get(callee.instance());
    if (source != null && target != null) {
      graph.edge(source, target, Instant.now());
    }
  }

  /** Lets traffic run for the warm-up, then forgets every figure so far. */
  private void warmUp() throws InterruptedException {
    if (options.warmup().isZero()) {
      return;
    }
    console.event(
        String.format(
            "warming up for %.1f s: the JIT compiles the hop path; left out of every figure"
                + " (--warmup 0 measures from a cold start)",
            options.warmup().toMillis() / 1000.0));
    Thread.sleep(options.warmup().toMillis());
    process.stats().reset();
    trafficSources().forEach(s -> s.traffic().resetSummary());
    measuredFromMillis = elapsedMillis();
    measuredFromCpuNanos = processCpuNanos();
    console.event(String.format("%6.1fs warm-up over, measuring", measuredFromMillis / 1000.0));
  }

  private Future<Nanoservice> launch(Instance instance, InstanceConfig config) {
    return slots
        .on(instance.ordinal(), () -> Nanoservice.start(process, config))
        .onSuccess(
            s -> {
              running.put(instance.name(), s);
              live.instanceState(instance.name(), InstanceState.READY);
            });
  }

  /**
   * Kills an instance abruptly; it leaves discovery a moment later and comes back later still.
   *
   * @return when the replacement was up (milliseconds on the run's clock); it fails when there is
   *     none: the victim was not running, the traffic stopped first, or it could not start
   */
  Future<Long> kill(Instance victim) {
    Nanoservice s = running.remove(victim.name());
    if (s == null) {
      return Future.failedFuture(victim.name() + " is not running");
    }
    console.event(
        String.format("%6.1fs chaos monkey killed %s", elapsedMillis() / 1000.0, victim.name()));
    live.instanceState(victim.name(), InstanceState.KILLED);
    live.event(EventKind.KILL, "chaos monkey killed " + victim.name(), victim.name());
    // The graph keeps one node per instance name, as spigo's viewer expects; the kill and the
    // replacement are recorded in summary.json.
    s.crash();
    vertx.setTimer(1000, id -> registry.deregister(s.endpoint()));
    Promise<Long> replaced = Promise.promise();
    vertx.setTimer(
        Math.max(1, options.replaceAfter().toMillis()),
        id -> {
          if (trafficOver) {
            replaced.fail("the traffic stopped before " + victim.name() + " was replaced");
            return;
          }
          if (running.containsKey(victim.name()) || !instances.containsKey(victim.name())) {
            // An evolution step started its successor meanwhile, or removed it: nothing to do.
            replaced.complete(elapsedMillis());
            return;
          }
          live.instanceState(victim.name(), InstanceState.STARTING);
          launch(victim, s.config())
              .onComplete(
                  r -> {
                    long at = elapsedMillis();
                    if (r.succeeded()) {
                      console.event(
                          String.format("%6.1fs replaced %s", at / 1000.0, victim.name()));
                      live.event(EventKind.REPLACEMENT, "replaced " + victim.name(), victim.name());
                      replaced.complete(at);
                    } else {
                      console.event(
                          String.format(
                              "%6.1fs could not replace %s: %s",
                              at / 1000.0, victim.name(), r.cause().getMessage()));
                      live.instanceState(victim.name(), InstanceState.KILLED);
                      live.event(
                          EventKind.NOTE, "could not replace " + victim.name(), victim.name());
                      replaced.fail(r.cause());
                    }
                  });
        });
    return replaced.future();
  }

  /**
   * Stops an instance abruptly until {@link #restart}, as a zone's power going out; it leaves
   * discovery a moment later (the future completes then).
   */
  Future<Void> halt(Instance victim) {
    Nanoservice s = running.remove(victim.name());
    if (s == null) {
      return Future.failedFuture(victim.name() + " is not running");
    }
    halted.put(victim.name(), s);
    live.instanceState(victim.name(), InstanceState.KILLED);
    Promise<Void> gone = Promise.promise();
    s.crash()
        .onComplete(
            closed ->
                vertx.setTimer(
                    1000,
                    id -> {
                      registry.deregister(s.endpoint());
                      gone.complete();
                    }));
    return gone.future();
  }

  /** Starts a halted instance again, as its Deployment scaled back up; completes once it serves. */
  Future<Void> restart(Instance victim) {
    Nanoservice s = halted.remove(victim.name());
    if (s == null) {
      return Future.failedFuture(victim.name() + " was not halted");
    }
    return launch(victim, s.config()).mapEmpty();
  }

  List<Instance> upInstances() {
    return running.keySet().stream()
        .filter(name -> !draining.contains(name))
        .map(instances::get)
        .filter(Objects::nonNull)
        .toList();
  }

  int totalInstances() {
    return topology.instances().size();
  }

  int upCount() {
    return running.size();
  }

  /** The instances up now. */
  List<Nanoservice> running() {
    return List.copyOf(running.values());
  }

  List<Nanoservice> trafficSources() {
    return running.values().stream().filter(s -> s.traffic() != null).toList();
  }

  /** The smallest HTTP/1.1 pool to an instance, over all tiers. */
  int smallestPool() {
    return connectionsPerInstance.values().stream().mapToInt(Integer::intValue).min().orElse(1);
  }

  ProcessContext process() {
    return process;
  }

  Vertx vertx() {
    return vertx;
  }

  Console console() {
    return console;
  }

  /** Whether the measured window is over: the traffic stopped, the monkey too. */
  boolean trafficOver() {
    return trafficOver;
  }

  /** How long it took until every instance was up (0 while starting). */
  long startupMillis() {
    return startupMillis;
  }

  /** When the measured period began: after start-up, or after the warm-up. */
  long measuredFromMillis() {
    return Math.max(startupMillis, measuredFromMillis);
  }

  /**
   * How long the measured window lasted: from its start until the traffic stopped (until now while
   * it runs).
   */
  long measuredMillis() {
    long to = measuredToMillis >= 0 ? measuredToMillis : elapsedMillis();
    return Math.max(0, to - measuredFromMillis());
  }

  /** CPU time this process spent since the measured period began (every thread, kernel too). */
  long measuredCpuNanos() {
    return processCpuNanos() - measuredFromCpuNanos;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  List<ChaosEvent> chaosEvents() {
    return chaos.events();
  }

  /**
   * Ends the measured window: the monkey stops, the traffic sources stop sending, and every request
   * they sent is answered and counted before this returns (at most as long as one request can take:
   * each attempt's timeout). The statistics read after it hold the whole window, and nothing more
   * is added to the traffic's figures. Closing servers under requests still in flight would fail
   * those requests, and Netty logs a warning for each connection accepted by a closing server.
   */
  void finishTraffic() throws InterruptedException {
    if (trafficOver) {
      return;
    }
    trafficOver = true;
    measuredToMillis = elapsedMillis();
    List<Future<Void>> stopped = new ArrayList<>();
    for (Nanoservice s : trafficSources()) {
      stopped.add(s.traffic().stop());
    }
    try {
      Future.all(stopped).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // A source whose event loop does not answer: its requests are waited for below all the same.
    }
    awaitTrafficAnswered();
  }

  private void awaitTrafficAnswered() throws InterruptedException {
    CallPolicy policy = process.policy();
    long deadline = System.nanoTime() + policy.timeout().toNanos() * (policy.maxRetries() + 1);
    while (System.nanoTime() - deadline < 0
        && trafficSources().stream().anyMatch(s -> s.traffic().inFlight() > 0)) {
      Thread.sleep(10);
    }
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
    stopping = true;
    List<Future<Void>> stopped = new ArrayList<>();
    Instant now = Instant.now();
    for (Map.Entry<String, Nanoservice> e : running.entrySet()) {
      stopped.add(e.getValue().stop());
      graph.done(instances.get(e.getKey()), "normal", now);
    }
    try {
      Future.all(stopped).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      try {
        process.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        console.event(
            "spans: not every span was written or sent within 30 s; spans.json may be incomplete");
      }
    } finally {
      graph.close();
      graphFile.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
