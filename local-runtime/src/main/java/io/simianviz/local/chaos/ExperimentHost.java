package io.simianviz.local.chaos;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.topology.Instance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;

/**
 * What a chaos experiment needs from the running architecture: its instances, the ways to take them
 * out and bring them back, and the traffic sources' settled counters. The local run implements it;
 * tests may fake it.
 */
public interface ExperimentHost {
  /** Every instance of the architecture, up or not. */
  List<Instance> allInstances();

  /** The instances up now. */
  List<Instance> upInstances();

  /** Kills one instance; the run replaces it after its usual delay (the monkey's kill). */
  void kill(Instance victim);

  /**
   * Stops an instance until {@link #restart}: as its Deployment scaled to 0. The future completes
   * once it has left discovery.
   */
  Future<Void> halt(Instance victim);

  /** Starts a halted instance again, as its Deployment scaled back up; completes once it serves. */
  Future<Void> restart(Instance victim);

  /** Cuts these running instances off the network: calls from and to them get no answer. */
  void isolate(Collection<String> names);

  /** Reconnects isolated instances. */
  void heal(Collection<String> names);

  /** The traffic sources' settled counters summed, or null when none can be read. */
  TrafficReading reading();

  /**
   * The longest a request may wait for its outcome before it counts as lost: how far a settled
   * reading trails the clock at most.
   */
  long settleLagMillis();

  /** The run's Vert.x, whose timer drives the experiments. */
  Vertx vertx();

  /** Milliseconds since the run started: the console's clock. */
  long elapsedMillis();

  /** A line on the console. */
  void event(String line);

  /** An experiment's phase or verdict for the live view, naming the instances it concerns. */
  void notice(EventKind kind, String text, List<String> instances);
}
