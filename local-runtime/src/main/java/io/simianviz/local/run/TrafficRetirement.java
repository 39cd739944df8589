package io.simianviz.local.run;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * Traffic sources that an evolution step stops (re-pointed, rolled or removed) while the run goes
 * on: each stops sending, and its counters stay in the run's sum, counted live until its last
 * request has its outcome and kept for good after. No step's window loses a request of a source
 * that has gone.
 */
public final class TrafficRetirement {
  private final ProcessContext process;
  private final RunInstances instances;

  /** Traffic sources that stopped for good: their last counters still count. */
  private final List<TrafficReading> retired = new ArrayList<>();

  /** Traffic sources stopping: counted live until their last request has its outcome. */
  private final Map<TrafficSource, Boolean> leaving = new ConcurrentHashMap<>();

  /** Each stopping traffic source's retirement, done once. */
  private final Map<TrafficSource, Future<Void>> retiring = new ConcurrentHashMap<>();

  public TrafficRetirement(ProcessContext process, RunInstances instances) {
    this.process = process;
    this.instances = instances;
  }

  /** A source that goes on sending until its successor does: counted from now on as leaving. */
  void leaving(TrafficSource source) {
    leaving.put(source, true);
  }

  /**
   * The instance's traffic source, if any, stops sending; completes once every answer is in (or the
   * deadline of its last request passed), when its counters are kept for good.
   */
  Future<Void> retire(Nanoservice s) {
    TrafficSource t = s.traffic();
    if (t == null) {
      return Future.succeededFuture();
    }
    return retiring.computeIfAbsent(t, this::stop);
  }

  private Future<Void> stop(TrafficSource t) {
    leaving.put(t, true);
    long deadline = System.nanoTime() + TrafficSource.deadline(process).toNanos();
    Promise<Void> done = Promise.promise();
    t.stop()
        .onComplete(
            r ->
                process
                    .vertx()
                    .setPeriodic(
                        50,
                        id -> {
                          if (t.inFlight() == 0 || System.nanoTime() - deadline > 0) {
                            process.vertx().cancelTimer(id);
                            synchronized (retired) {
                              retired.add(t.settledNow());
                              leaving.remove(t);
                            }
                            done.complete();
                          }
                        }));
    return done.future();
  }

  /**
   * Every traffic source's settled counters, summed, with those of sources stopped by a step, or
   * null when there is no traffic source.
   */
  public TrafficReading reading() {
    TrafficReading sum = null;
    for (Nanoservice s : instances.trafficSources()) {
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
}
