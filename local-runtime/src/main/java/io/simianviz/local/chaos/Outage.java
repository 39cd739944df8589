package io.simianviz.local.chaos;

import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.OutageMode;
import io.simianviz.model.topology.Instance;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * What an experiment does to its victims, and how it is undone. A monkey kills one instance, which
 * the run replaces after its usual delay, as a Deployment replaces a deleted pod: nothing is left
 * to restore. A gorilla or kong with {@code stop} halts every instance of the area until the end
 * (its Deployments scaled to 0 and back); with {@code isolate} they keep running, cut off the
 * network (a blackholing NetworkPolicy), and are reconnected at the end.
 */
abstract sealed class Outage {
  final ExperimentHost host;
  final List<Instance> victims;

  private Outage(ExperimentHost host, List<Instance> victims) {
    this.host = host;
    this.victims = List.copyOf(victims);
  }

  static Outage of(ExperimentHost host, ChaosKind kind, OutageMode mode, List<Instance> victims) {
    if (kind == ChaosKind.MONKEY) {
      return new Kill(host, victims);
    }
    return mode == OutageMode.ISOLATE ? new Isolate(host, victims) : new Stop(host, victims);
  }

  /** Takes the victims out; completes once the outage is in effect. */
  abstract Future<Void> inject();

  /** Undoes the outage; completes once the victims serve again. */
  abstract Future<Void> restore();

  /** What happened to the victims, for the console: "killed", "stopped", "isolated". */
  abstract String verb();

  List<String> names() {
    return victims.stream().map(Instance::name).toList();
  }

  private static final class Kill extends Outage {
    Kill(ExperimentHost host, List<Instance> victims) {
      super(host, victims);
    }

    @Override
    Future<Void> inject() {
      victims.forEach(host::kill);
      return Future.succeededFuture();
    }

    @Override
    Future<Void> restore() {
      return Future.succeededFuture(); // the run replaces a killed instance by itself
    }

    @Override
    String verb() {
      return "killed (replaced as a Deployment would)";
    }
  }

  private static final class Stop extends Outage {
    /** What inject did, so restore can wait for it and undo exactly that. */
    private Future<Void> halted = Future.succeededFuture();

    Stop(ExperimentHost host, List<Instance> victims) {
      super(host, victims);
    }

    @Override
    Future<Void> inject() {
      List<Future<Void>> each = new ArrayList<>();
      victims.forEach(v -> each.add(host.halt(v)));
      halted = Future.join(each).mapEmpty();
      return Future.succeededFuture(); // in effect at once: the victims no longer answer
    }

    @Override
    Future<Void> restore() {
      // An instance still leaving discovery is brought back only once it has left it.
      return halted
          .transform(ignored -> Future.succeededFuture())
          .compose(
              ignored -> {
                List<Future<Void>> each = new ArrayList<>();
                victims.forEach(v -> each.add(host.restart(v)));
                return Future.join(each).mapEmpty();
              });
    }

    @Override
    String verb() {
      return "stopped";
    }
  }

  private static final class Isolate extends Outage {
    Isolate(ExperimentHost host, List<Instance> victims) {
      super(host, victims);
    }

    @Override
    Future<Void> inject() {
      host.isolate(names());
      return Future.succeededFuture();
    }

    @Override
    Future<Void> restore() {
      host.heal(names());
      return Future.succeededFuture();
    }

    @Override
    String verb() {
      return "isolated (running, unreachable)";
    }
  }
}
