package io.simianviz.local.run;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.LoopbackAddresses;
import io.simianviz.model.topology.Topology;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.serve.Nanoservice;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of a local run: the architecture they make up now, which of them run (each a {@link
 * Nanoservice} on its own loopback address, registered once it listens), which drain, and
 * graph.json's record of them.
 */
public final class RunInstances {
  private final ProcessContext process;
  private final LiveWiring live;
  private final GraphFile graph;
  private volatile Topology topology;
  private final Map<String, Instance> instances = new ConcurrentHashMap<>();
  private final Map<String, Nanoservice> running = new ConcurrentHashMap<>();

  /** Instances drained by an evolution step, not stopped yet. */
  private final Set<String> draining = ConcurrentHashMap.newKeySet();

  /** Addresses of instances started after the first version's (evolution steps): never reused. */
  private final AtomicInteger nextOrdinal = new AtomicInteger();

  private volatile EventLoops loops;

  /**
   * @param graphFile where graph.json is written as instances start, call each other and end
   */
  public RunInstances(
      ProcessContext process, LiveWiring live, Topology topology, Path graphFile, String arch)
      throws IOException {
    this.process = process;
    this.live = live;
    this.topology = topology;
    topology.instances().forEach(i -> instances.put(i.name(), i));
    nextOrdinal.set(topology.instances().stream().mapToInt(Instance::ordinal).max().orElse(-1) + 1);
    this.graph = new GraphFile(graphFile, arch, instances::get);
  }

  /** The architecture as it runs now. */
  public Topology topology() {
    return topology;
  }

  /** The architecture changed while it runs (an evolution step): the live model follows. */
  public void evolveTo(Topology next) {
    topology = next;
    live.evolve(next);
  }

  /**
   * Starts every instance of the topology, each on the event loop of its ordinal; completes when
   * all serve, or fails with a {@link StartFailure} naming one that could not listen.
   */
  public Future<Void> startAll(
      EventLoops loops, Map<String, TierSpec> tiers, String arch, int port) {
    this.loops = loops;
    process.links().onFirstCall(graph::edge);
    List<Future<Nanoservice>> started = new ArrayList<>();
    for (Instance i : topology.instances()) {
      String host = LoopbackAddresses.forOrdinal(i.ordinal());
      graph.node(i, host);
      InstanceConfig config = InstanceConfig.of(arch, i, tiers, host, port);
      started.add(
          launch(i, config)
              .recover(
                  e ->
                      Future.failedFuture(
                          new StartFailure(i.name(), config.host(), config.port(), e))));
    }
    return Future.all(started).mapEmpty();
  }

  /** Starts an instance on its event loop; it is running (and drawn ready) once it serves. */
  public Future<Nanoservice> launch(Instance instance, InstanceConfig config) {
    return loops
        .on(instance.ordinal(), () -> Nanoservice.start(process, config, loops.listenOn()))
        .onSuccess(
            s -> {
              running.put(instance.name(), s);
              live.ready(instance.name());
            });
  }

  /**
   * Starts an instance the run did not have, or a twin of a running one that takes over its name in
   * discovery once it listens (the one it replaces goes on serving the calls it has); completes
   * once it serves.
   */
  public Future<Nanoservice> startNew(Instance instance, InstanceConfig config) {
    if (instances.put(instance.name(), instance) == null) {
      graph.node(instance, config.host());
    }
    return launch(instance, config);
  }

  /** A loopback address no instance of this run had: for instances started by evolution steps. */
  public int newOrdinal() {
    return nextOrdinal.getAndIncrement();
  }

  /** The run's instance of this name (running or not), or null. */
  public Instance instance(String name) {
    return instances.get(name);
  }

  /** The running instance of this name, or null. */
  public Nanoservice running(String name) {
    return running.get(name);
  }

  /** Takes the running instance of this name out of the running ones (a kill): it or null. */
  public Nanoservice takeRunning(String name) {
    return running.remove(name);
  }

  /**
   * An instance out of discovery until it stops (an evolution step's drain): chaos leaves it alone,
   * as it is going anyway.
   */
  public void draining(String name) {
    draining.add(name);
    live.draining(name);
  }

  /** Stops an instance for good (an evolution step, after its drain): it leaves the run. */
  public Future<Void> remove(String name) {
    draining.remove(name);
    Nanoservice s = running.remove(name);
    Instance instance = instances.remove(name);
    if (instance != null) {
      graph.done(instance, "removed");
    }
    live.removed(name);
    return s == null ? Future.succeededFuture() : s.stop();
  }

  /** The running instances that are not draining: what chaos may strike. */
  public List<Instance> up() {
    return running.keySet().stream()
        .filter(name -> !draining.contains(name))
        .map(instances::get)
        .filter(Objects::nonNull)
        .toList();
  }

  public int upCount() {
    return running.size();
  }

  /** The instances up now. */
  public List<Nanoservice> running() {
    return List.copyOf(running.values());
  }

  public List<Nanoservice> trafficSources() {
    return running.values().stream().filter(s -> s.traffic() != null).toList();
  }

  /**
   * Every running traffic source's settled counters, summed (settled as far as the slowest source),
   * or null without a traffic source.
   */
  public TrafficReading trafficReading() {
    TrafficReading sum = null;
    for (Nanoservice s : trafficSources()) {
      TrafficReading one = s.traffic().settledNow();
      sum = sum == null ? one : sum.plus(one);
    }
    return sum;
  }

  /** Stops every running instance gracefully (the end of the run), recording each one's end. */
  public Future<Void> stopAll() {
    graph.closing();
    List<Future<Void>> stopped = new ArrayList<>();
    for (Map.Entry<String, Nanoservice> e : running.entrySet()) {
      stopped.add(e.getValue().stop());
      graph.done(instances.get(e.getKey()), "normal");
    }
    return Future.all(stopped).mapEmpty();
  }

  /** Closes graph.json. */
  public void closeGraph() throws IOException {
    graph.close();
  }
}
