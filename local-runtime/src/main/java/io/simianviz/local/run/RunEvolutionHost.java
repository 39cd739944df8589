package io.simianviz.local;

import io.simianviz.local.evolution.EvolutionHost;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.LoopbackAddresses;
import io.simianviz.model.topology.Topology;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.LatencyHistogram;
import io.simianviz.service.stats.Series;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * A local run as an evolution sees it. An instance started under a name that runs already (a
 * re-point, a roll, a tier whose package changed) is a successor on a new address: it takes over
 * the name in discovery as soon as it listens, so no caller ever finds the name missing, and the
 * one it supersedes keeps serving the calls it has until it is stopped.
 */
final class RunEvolutionHost implements EvolutionHost {
  private final LocalRun run;
  private final RunOptions options;

  /** Instances replaced by a successor of the same name, not stopped yet. */
  private final Map<String, Nanoservice> superseded = new ConcurrentHashMap<>();

  /** Traffic sources that stopped for good: their last counters still count. */
  private final List<TrafficReading> retired = new ArrayList<>();

  /** Traffic sources stopping: counted live until their last request has its outcome. */
  private final Map<TrafficSource, Boolean> leaving = new ConcurrentHashMap<>();

  /** Each stopping traffic source's retirement, done once. */
  private final Map<TrafficSource, Future<Void>> retiring = new ConcurrentHashMap<>();

  RunEvolutionHost(LocalRun run, RunOptions options) {
    this.run = run;
    this.options = options;
  }

  @Override
  public String arch() {
    return run.architecture().name();
  }

  @Override
  public ExpansionOptions expansion() {
    return new ExpansionOptions(options.scale(), options.regions());
  }

  @Override
  public Future<Void> start(List<InstanceRef> instances, ArchitectureSpec spec) {
    Map<String, TierSpec> tiers = tiers(spec);
    List<Future<Nanoservice>> started = new ArrayList<>();
    List<Nanoservice> sources = new ArrayList<>();
    for (InstanceRef ref : instances) {
      Nanoservice old = run.runningInstance(ref.name());
      if (old != null) {
        superseded.put(ref.name(), old);
        if (old.traffic() != null) {
          leaving.put(old.traffic(), true); // counted while its successor sends
          sources.add(old);
        }
      }
      started.add(startOne(ref, tiers));
    }
    // A superseded traffic source stops sending once its successor does.
    return Future.all(started)
        .compose(v -> Future.all(sources.stream().map(this::retireTraffic).toList()))
        .mapEmpty();
  }

  private Future<Nanoservice> startOne(InstanceRef ref, Map<String, TierSpec> tiers) {
    int ordinal = run.newOrdinal();
    Instance instance =
        new Instance(
            ref.name(), ref.tier(), ref.pkg(), ref.region(), ref.zone(), ref.index(), ordinal);
    InstanceConfig config =
        InstanceConfig.of(
            arch(), instance, tiers, LoopbackAddresses.forOrdinal(ordinal), options.port());
    return run.startInstance(instance, config)
        .recover(
            e ->
                Future.failedFuture(
                    new StartFailure(instance.name(), config.host(), config.port(), e)
                        .userMessage()));
  }

  @Override
  public Future<Void> replace(List<InstanceRef> instances, ArchitectureSpec spec, Duration drain) {
    return start(instances, spec)
        .compose(
            v -> {
              Promise<Void> drained = Promise.promise();
              run.vertx().setTimer(Math.max(1, drain.toMillis()), id -> drained.complete());
              return drained.future();
            })
        .compose(v -> stopSuperseded(instances));
  }

  /**
   * Stops the instances these names' successors replaced. A name without one (its instance was
   * killed by chaos when the successor started) has nothing to stop: the successor is the running
   * instance, and stays.
   */
  private Future<Void> stopSuperseded(List<InstanceRef> instances) {
    List<Future<Void>> stopped = new ArrayList<>();
    for (InstanceRef ref : instances) {
      Nanoservice old = superseded.remove(ref.name());
      if (old != null) {
        // Not stop(): that would take the name, now its successor's, out of discovery.
        stopped.add(retireTraffic(old).compose(v -> old.crash()));
      }
    }
    return Future.all(stopped).mapEmpty();
  }

  @Override
  public void deregister(List<InstanceRef> instances) {
    for (InstanceRef ref : instances) {
      if (superseded.containsKey(ref.name())) {
        continue; // its successor holds the name in discovery; the old one gets no new call
      }
      Nanoservice s = run.runningInstance(ref.name());
      if (s != null && s.endpoint() != null) {
        run.draining(ref.name());
        run.process().discovery().deregister(s.endpoint());
        retireTraffic(s);
        run.live().instanceState(ref.name(), InstanceState.DRAINING);
      }
    }
  }

  @Override
  public Future<Void> stop(List<InstanceRef> instances) {
    List<Future<Void>> stopped = new ArrayList<>();
    for (InstanceRef ref : instances) {
      Nanoservice old = superseded.remove(ref.name());
      if (old != null) {
        // Not stop(): that would take the name, now its successor's, out of discovery.
        stopped.add(retireTraffic(old).compose(v -> old.crash()));
      } else {
        Nanoservice s = run.runningInstance(ref.name());
        Future<Void> quiet = s == null ? Future.succeededFuture() : retireTraffic(s);
        stopped.add(quiet.compose(v -> run.removeInstance(ref.name())));
      }
    }
    return Future.all(stopped).mapEmpty();
  }

  /** A traffic source stops sending; its counters keep counting once every answer is in. */
  private Future<Void> retireTraffic(Nanoservice s) {
    TrafficSource t = s.traffic();
    if (t == null) {
      return Future.succeededFuture();
    }
    return retiring.computeIfAbsent(t, this::retire);
  }

  private Future<Void> retire(TrafficSource t) {
    leaving.put(t, true);
    long deadline = System.nanoTime() + TrafficSource.deadline(run.process()).toNanos();
    Promise<Void> done = Promise.promise();
    t.stop()
        .onComplete(
            r ->
                run.vertx()
                    .setPeriodic(
                        50,
                        id -> {
                          if (t.inFlight() == 0 || System.nanoTime() - deadline > 0) {
                            run.vertx().cancelTimer(id);
                            synchronized (retired) {
                              retired.add(t.settledNow());
                              leaving.remove(t);
                            }
                            done.complete();
                          }
                        }));
    return done.future();
  }

  @Override
  public void topology(Topology next) {
    run.evolveTo(next);
  }

  /**
   * Every traffic source's settled counters, summed, with those of sources stopped by a step: a
   * step's window must not lose the requests of a source that has gone.
   */
  @Override
  public TrafficReading reading() {
    TrafficReading sum = null;
    for (Nanoservice s : run.trafficSources()) {
      if (!leaving.containsKey(s.traffic())) {
        sum = plus(sum, s.traffic().settledNow());
      }
    }
    synchronized (retired) {
      for (TrafficSource t : leaving.keySet()) {
        sum = plus(sum, t.settledNow());
      }
      if (sum == null) {
        return null;
      }
      for (TrafficReading r : retired) {
        // Settled for good: it does not hold back how far the sum is settled.
        sum =
            new TrafficReading(
                sum.throughMillis(),
                sum.sent() + r.sent(),
                sum.answered() + r.answered(),
                sum.errors() + r.errors(),
                sum.lost() + r.lost(),
                merged(sum, r));
      }
    }
    return sum;
  }

  private static Histogram merged(TrafficReading a, TrafficReading b) {
    Histogram h = a.latencyMicros();
    h.add(b.latencyMicros());
    return h;
  }

  private static TrafficReading plus(TrafficReading sum, TrafficReading one) {
    return sum == null ? one : sum.plus(one);
  }

  @Override
  public Histogram served(String tier) {
    Histogram sum = null;
    var stats = run.process().stats();
    for (var s : stats.snapshot()) {
      if (s.kind() == Series.Kind.SERVICE && s.tier().equals(tier)) {
        Histogram h = stats.series(Series.Kind.SERVICE, tier, s.detail()).histogram();
        if (sum == null) {
          sum = h;
        } else {
          sum.add(h);
        }
      }
    }
    return sum;
  }

  @Override
  public LatencyHistogram.Snapshot servedBy(List<InstanceRef> instances) {
    List<LatencyHistogram.Snapshot> all = new ArrayList<>();
    for (InstanceRef ref : instances) {
      Nanoservice s = run.runningInstance(ref.name());
      if (s != null) {
        all.add(s.metrics().served());
      }
    }
    return LatencyHistogram.Snapshot.sum(all);
  }

  @Override
  public void trafficRate(double rate) {
    run.trafficRate(rate);
  }

  @Override
  public boolean rateOverridden() {
    return options.rate() != null;
  }

  @Override
  public long trafficMillis() {
    return Math.max(0, run.elapsedMillis() - run.startupMillis());
  }

  @Override
  public Duration drainTime() {
    return run.process().policy().timeout().multipliedBy(2);
  }

  @Override
  public Vertx vertx() {
    return run.vertx();
  }

  @Override
  public long elapsedMillis() {
    return run.elapsedMillis();
  }

  @Override
  public void event(String line) {
    run.console().event(line);
  }

  @Override
  public LiveArchitecture live() {
    return run.live();
  }

  private static Map<String, TierSpec> tiers(ArchitectureSpec spec) {
    Map<String, TierSpec> tiers = new HashMap<>();
    for (TierSpec t : spec.getServices()) {
      tiers.put(t.getName(), t);
    }
    return tiers;
  }
}
