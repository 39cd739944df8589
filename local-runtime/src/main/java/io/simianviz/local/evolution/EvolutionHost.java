package io.simianviz.local.evolution;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Topology;
import io.simianviz.service.stats.LatencyHistogram;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What an evolution needs from the running architecture: start, take out of discovery and stop
 * instances, and the traffic sources' settled counters. The local run implements it.
 */
public interface EvolutionHost {
  /** The architecture's name. */
  String arch();

  /** How the run expands a spec (its --scale and --regions): plans expand both versions so. */
  ExpansionOptions expansion();

  /**
   * Starts these instances as {@code spec} says, each registering in discovery once it listens;
   * completes once every one serves. An instance of the same name that runs already (its tier's
   * package changed) is superseded: the new one takes over its name in discovery, and the old one
   * serves the calls it has until {@link #drain} and {@link #stop} end it.
   */
  Future<Void> start(List<InstanceRef> instances, ArchitectureSpec spec);

  /**
   * Replaces each of these running instances by one configured from {@code spec} (a re-point, a
   * roll): the new one takes over the name in discovery once it listens, the old one gets no new
   * call, serves those it has until they are answered (at most {@code longest}), then stops.
   * Completes once the old ones stopped.
   */
  Future<Void> replace(List<InstanceRef> instances, ArchitectureSpec spec, Duration longest);

  /**
   * Drains these instances: takes them out of discovery (no new call reaches them), then completes
   * once every call they have open is answered, the calls they serve and the calls they made, or
   * once {@code longest} has passed. {@link #stop} ends them after.
   */
  Future<Void> drain(List<InstanceRef> instances, Duration longest);

  /** Stops these drained instances for good. */
  Future<Void> stop(List<InstanceRef> instances);

  /** The run's architecture is {@code next} from now on (what the live view and summary show). */
  void topology(Topology next);

  /**
   * The traffic sources' settled counters summed (those stopped by a step included), or null when
   * there is no traffic source.
   */
  TrafficReading reading();

  /**
   * The longest a drain waits: the longest attempt of a call to a drained instance (both bounds of
   * an attempt, the wait for a connection and the wait for the answer). A call that chose the
   * instance before it left discovery has its outcome by then, so stopping it after loses nothing;
   * a drain whose calls are all answered sooner ends sooner.
   */
  Duration drainTime();

  /**
   * What a tier has served so far: the latency of every request, cumulative (its count is the
   * requests); null when it has served none.
   */
  Histogram served(String tier);

  /** What the running instances of these names have served so far, added up (a canary). */
  LatencyHistogram.Snapshot servedBy(List<InstanceRef> instances);

  /** Every traffic source sends {@code rate} requests per second from now on; 0 pauses them. */
  void trafficRate(double rate);

  /** Whether --rate fixes the rate (then a spec's traffic.schedule is not applied). */
  boolean rateOverridden();

  Vertx vertx();

  /** Milliseconds since the run started: the console's clock. */
  long elapsedMillis();

  /** A line on the console. */
  void event(String line);

  /** The live model: evolution steps are its events. */
  LiveArchitecture live();
}
