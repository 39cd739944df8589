package io.simianviz.local.run;

import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.LoopbackAddresses;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.serve.Nanoservice;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The instances an evolution step starts, replaces, drains and stops. An instance started under a
 * name that runs already (a re-point, a roll, a tier whose package changed) is a successor on a new
 * address: it takes over the name in discovery as soon as it listens, so no caller ever finds the
 * name missing, and the one it supersedes keeps serving the calls it has until it has drained
 * ({@link Drain}) and stops.
 */
final class InstanceChanges {
  private final String arch;
  private final int port;
  private final ProcessContext process;
  private final RunInstances instances;
  private final RunTraffic traffic;
  private final TrafficRetirement retirement;
  private final RunClock clock;
  private final Consumer<String> events;

  /** Instances replaced by a successor of the same name, not stopped yet. */
  private final Map<String, Nanoservice> superseded = new ConcurrentHashMap<>();

  InstanceChanges(
      String arch,
      int port,
      ProcessContext process,
      RunInstances instances,
      RunTraffic traffic,
      TrafficRetirement retirement,
      RunClock clock,
      Consumer<String> events) {
    this.arch = arch;
    this.port = port;
    this.process = process;
    this.instances = instances;
    this.traffic = traffic;
    this.retirement = retirement;
    this.clock = clock;
    this.events = events;
  }

  Future<Void> start(List<InstanceRef> refs, ArchitectureSpec spec) {
    Map<String, TierSpec> tiers = new HashMap<>();
    spec.getServices().forEach(t -> tiers.put(t.getName(), t));
    List<Future<Nanoservice>> started = new ArrayList<>();
    List<Nanoservice> sources = new ArrayList<>();
    for (InstanceRef ref : refs) {
      Nanoservice old = instances.running(ref.name());
      if (old != null) {
        superseded.put(ref.name(), old);
        if (old.traffic() != null) {
          retirement.leaving(old.traffic()); // counted while its successor sends
          sources.add(old);
        }
      }
      started.add(startOne(ref, tiers));
    }
    // A superseded traffic source stops sending once its successor does.
    return Future.all(started)
        .compose(v -> Future.all(sources.stream().map(retirement::retire).toList()))
        .mapEmpty();
  }

  private Future<Nanoservice> startOne(InstanceRef ref, Map<String, TierSpec> tiers) {
    int ordinal = instances.newOrdinal();
    Instance instance =
        new Instance(
            ref.name(), ref.tier(), ref.pkg(), ref.region(), ref.zone(), ref.index(), ordinal);
    InstanceConfig config =
        InstanceConfig.of(arch, instance, tiers, LoopbackAddresses.forOrdinal(ordinal), port);
    return instances
        .startNew(instance, config)
        .compose(s -> traffic.join(s, ordinal))
        .recover(
            e ->
                Future.failedFuture(
                    new StartFailure(instance.name(), config.host(), config.port(), e)
                        .userMessage()));
  }

  Future<Void> replace(List<InstanceRef> refs, ArchitectureSpec spec, Duration longest) {
    return start(refs, spec)
        .compose(v -> waitDrained(supersededOf(refs), longest))
        .compose(v -> stopSuperseded(refs));
  }

  /**
   * Stops the instances these names' successors replaced. A name without one (its instance was
   * killed by chaos when the successor started) has nothing to stop: the successor is the running
   * instance, and stays.
   */
  private Future<Void> stopSuperseded(List<InstanceRef> refs) {
    List<Future<Void>> stopped = new ArrayList<>();
    for (InstanceRef ref : refs) {
      Nanoservice old = superseded.remove(ref.name());
      if (old != null) {
        // Not stop(): that would take the name, now its successor's, out of discovery.
        stopped.add(retirement.retire(old).compose(v -> old.crash()));
      }
    }
    return Future.all(stopped).mapEmpty();
  }

  private List<Nanoservice> supersededOf(List<InstanceRef> refs) {
    return refs.stream().map(r -> superseded.get(r.name())).filter(Objects::nonNull).toList();
  }

  Future<Void> drain(List<InstanceRef> refs, Duration longest) {
    for (InstanceRef ref : refs) {
      if (superseded.containsKey(ref.name())) {
        continue; // its successor holds the name in discovery; the old one gets no new call
      }
      Nanoservice s = instances.running(ref.name());
      if (s != null && s.endpoint() != null) {
        instances.draining(ref.name());
        process.discovery().deregister(s.endpoint());
        retirement.retire(s);
      }
    }
    return waitDrained(draining(refs), longest);
  }

  /** The instances that serve these names' last calls: the superseded ones, else the running. */
  private List<Nanoservice> draining(List<InstanceRef> refs) {
    List<Nanoservice> out = new ArrayList<>();
    for (InstanceRef ref : refs) {
      Nanoservice s = superseded.get(ref.name());
      if (s == null) {
        s = instances.running(ref.name());
      }
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private Future<Void> waitDrained(List<Nanoservice> draining, Duration longest) {
    return Drain.of(process.vertx(), draining, longest)
        .map(
            outcome -> {
              if (!outcome.complete()) {
                events.accept(
                    String.format(
                        "%6.1fs   drain of %d instance(s) ended at its longest, %.1f s, with %d"
                            + " call(s) still open",
                        clock.elapsedMillis() / 1000.0,
                        draining.size(),
                        outcome.tookMillis() / 1000.0,
                        outcome.open()));
              }
              return null;
            });
  }

  /**
   * Stops these drained instances. A name whose instance was superseded stops the old one only: not
   * with stop(), which would take the name, now its successor's, out of discovery. A name without a
   * successor or running instance (killed by chaos meanwhile) has nothing to stop.
   */
  Future<Void> stop(List<InstanceRef> refs) {
    List<Future<Void>> stopped = new ArrayList<>();
    for (InstanceRef ref : refs) {
      Nanoservice old = superseded.remove(ref.name());
      if (old != null) {
        stopped.add(retirement.retire(old).compose(v -> old.crash()));
      } else {
        Nanoservice s = instances.running(ref.name());
        Future<Void> quiet = s == null ? Future.succeededFuture() : retirement.retire(s);
        stopped.add(quiet.compose(v -> instances.remove(ref.name())));
      }
    }
    return Future.all(stopped).mapEmpty();
  }
}
