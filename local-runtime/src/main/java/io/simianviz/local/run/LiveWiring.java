package io.simianviz.local.run;

import io.simianviz.local.live.LiveView;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.topology.Topology;
import io.simianviz.service.stats.StatsRegistry;
import io.vertx.core.Vertx;
import java.io.PrintStream;

/**
 * What the live view of a run is told: the run's live model, each instance's state as it starts,
 * serves, is killed, drains or leaves, the chaos monkey's kills and replacements, and the view's
 * server over it.
 */
public final class LiveWiring {
  private final LiveArchitecture live;

  public LiveWiring(Topology topology, RunClock clock) {
    this.live = LiveArchitecture.of(topology, clock::elapsedMillis);
  }

  /** The live model (what the live view draws): instance states, traffic and events. */
  public LiveArchitecture model() {
    return live;
  }

  public void ready(String instance) {
    live.instanceState(instance, InstanceState.READY);
  }

  public void starting(String instance) {
    live.instanceState(instance, InstanceState.STARTING);
  }

  /** Out of discovery until it stops: an evolution step's drain. */
  public void draining(String instance) {
    live.instanceState(instance, InstanceState.DRAINING);
  }

  /** Halted (an outage): drawn as killed until it restarts. */
  public void halted(String instance) {
    live.instanceState(instance, InstanceState.KILLED);
  }

  public void killedByMonkey(String instance) {
    live.instanceState(instance, InstanceState.KILLED);
    live.event(EventKind.KILL, "chaos monkey killed " + instance, instance);
  }

  public void replaced(String instance) {
    live.event(EventKind.REPLACEMENT, "replaced " + instance, instance);
  }

  public void notReplaced(String instance) {
    live.instanceState(instance, InstanceState.KILLED);
    live.event(EventKind.NOTE, "could not replace " + instance, instance);
  }

  /** Stopped for good (an evolution step): it leaves the drawing. */
  public void removed(String instance) {
    try {
      live.remove(instance);
    } catch (IllegalArgumentException e) {
      // not drawn
    }
  }

  /** The architecture changed while it runs (an evolution step): the drawing follows. */
  public void evolve(Topology next) {
    live.evolve(next);
  }

  /** The live view's server over this model; null when it cannot listen (said on err). */
  public LiveView startView(
      Vertx vertx, StatsRegistry stats, RunClock clock, ViewOptions view, PrintStream err) {
    try {
      return LiveView.start(vertx, stats, live, clock::elapsedMillis, view);
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      err.println(
          "simianviz run: the live view cannot listen on 127.0.0.1:"
              + view.port()
              + " ("
              + cause.getMessage()
              + "); choose another port with --ui PORT, or --no-ui");
      return null;
    }
  }
}
