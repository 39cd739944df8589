package io.simianviz.local.run;

import io.simianviz.model.TierPackage;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The traffic of a local run: its sources (the denominator tiers' instances) start sending, the
 * warm-up is left out of every figure, the rate follows a schedule, and at the end the sources stop
 * and every request they sent is answered.
 */
public final class RunTraffic {
  private final ProcessContext process;
  private final RunInstances instances;
  private final RunClock clock;
  private final Consumer<String> events;
  private volatile boolean over;

  /** What the traffic sources send, once they started; a source started later sends the same. */
  private volatile TrafficSource.Options options;

  private volatile EventLoops loops;

  /**
   * @param events console lines
   */
  public RunTraffic(
      ProcessContext process, RunInstances instances, RunClock clock, Consumer<String> events) {
    this.process = process;
    this.instances = instances;
    this.clock = clock;
    this.events = events;
  }

  /** Every traffic source of the topology starts sending, on its own instance's event loop. */
  public void start(EventLoops loops, TrafficSource.Options traffic) throws Exception {
    this.loops = loops;
    this.options = traffic;
    List<Future<TrafficSource>> sources = new ArrayList<>();
    for (Instance i : instances.topology().instances()) {
      Nanoservice s = instances.running(i.name());
      if (s != null && s.config().pkg() == TierPackage.DENOMINATOR) {
        // On the instance's own event loop, so its timer and calls are not all on one thread.
        sources.add(loops.on(i.ordinal(), () -> Future.succeededFuture(s.startTraffic(traffic))));
      }
    }
    Future.all(sources).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * A traffic source started while the traffic runs (an evolution step) starts sending like the
   * others; any other instance is left as it is.
   */
  public Future<Nanoservice> join(Nanoservice s, int ordinal) {
    TrafficSource.Options traffic = options;
    if (traffic == null || s.config().pkg() != TierPackage.DENOMINATOR) {
      return Future.succeededFuture(s);
    }
    return loops.on(ordinal, () -> Future.succeededFuture(s.startTraffic(traffic))).map(t -> s);
  }

  /** Every traffic source sends {@code rate} requests per second from now on (a rate schedule). */
  public void rate(double rate) {
    TrafficSource.Options now = options;
    if (now == null) {
      return; // no traffic in this run
    }
    if (rate > 0) {
      options =
          new TrafficSource.Options(
              rate, now.getWeight(), now.putWeight(), now.keySpace(), now.maxInFlight());
    }
    instances.trafficSources().forEach(s -> s.traffic().rate(rate));
  }

  /**
   * Lets traffic run for the warm-up, then forgets every figure so far. When {@code upTo} is
   * longer, the warm-up goes on past {@code warmup} until a whole {@link WarmupSettling} window of
   * requests succeeded, or {@code upTo} is reached.
   */
  public void warmUp(Duration warmup, Duration upTo) throws InterruptedException {
    if (warmup.isZero()) {
      return;
    }
    long start = System.nanoTime();
    boolean settles = upTo.compareTo(warmup) > 0;
    events.accept(
        settles
            ? String.format(
                "warming up for %.1f s, longer while requests fail (at most %.0f s): the JIT"
                    + " compiles the hop path; left out of every figure (--warmup 0 measures from"
                    + " a cold start)",
                warmup.toMillis() / 1000.0, upTo.toMillis() / 1000.0)
            : String.format(
                "warming up for %.1f s: the JIT compiles the hop path; left out of every figure"
                    + " (--warmup 0 measures from a cold start)",
                warmup.toMillis() / 1000.0));
    if (settles) {
      settle(start, warmup, upTo);
    } else {
      Thread.sleep(warmup.toMillis());
    }
    process.stats().reset();
    instances.trafficSources().forEach(s -> s.traffic().resetSummary());
    clock.warmedUp();
    events.accept(
        String.format("%6.1fs warm-up over, measuring", clock.measuredFromMillis() / 1000.0));
  }

  /**
   * The settling warm-up: its window starts before {@code warmup} ends, so a quiet run ends on
   * time.
   */
  private void settle(long start, Duration warmup, Duration upTo) throws InterruptedException {
    WarmupSettling settling = new WarmupSettling();
    Thread.sleep(Math.max(0, warmup.toMillis() - WarmupSettling.WINDOW_MILLIS));
    settling.settled(instances.trafficReading());
    Thread.sleep(Math.min(warmup.toMillis(), WarmupSettling.WINDOW_MILLIS));
    boolean told = false;
    TrafficReading now = instances.trafficReading();
    while (now != null && !settling.settled(now)) {
      if (System.nanoTime() - start >= upTo.toNanos()) {
        events.accept(
            String.format(
                "%6.1fs still not settled after a %.0f s warm-up: measuring all the same",
                clock.elapsedMillis() / 1000.0, upTo.toMillis() / 1000.0));
        return;
      }
      long failed = settling.failedSinceFirst(now);
      if (!told && failed > 0) {
        told = true;
        events.accept(
            String.format(
                "%6.1fs not settled: %d of the last %d requests failed or timed out; warming up"
                    + " until %.0f s of requests all succeed",
                clock.elapsedMillis() / 1000.0,
                failed,
                settling.settledSinceFirst(now),
                WarmupSettling.WINDOW_MILLIS / 1000.0));
      }
      Thread.sleep(250);
      now = instances.trafficReading();
    }
  }

  /** Whether the measured window is over: the traffic stopped, the monkey too. */
  public boolean over() {
    return over;
  }

  /**
   * Ends the measured window: the traffic sources stop sending, and every request they sent is
   * answered and counted before this returns (at most as long as one request can take: each
   * attempt's timeout). The statistics read after it hold the whole window, and nothing more is
   * added to the traffic's figures. Closing servers under requests still in flight would fail those
   * requests, and Netty logs a warning for each connection accepted by a closing server.
   */
  public void finish() throws InterruptedException {
    if (over) {
      return;
    }
    over = true;
    clock.trafficStopped();
    List<Future<Void>> stopped = new ArrayList<>();
    for (Nanoservice s : instances.trafficSources()) {
      stopped.add(s.traffic().stop());
    }
    try {
      Future.all(stopped).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // A source whose event loop does not answer: its requests are waited for below all the same.
    }
    CallPolicy policy = process.policy();
    long deadline = System.nanoTime() + policy.timeout().toNanos() * (policy.maxRetries() + 1);
    while (System.nanoTime() - deadline < 0
        && instances.trafficSources().stream().anyMatch(s -> s.traffic().inFlight() > 0)) {
      Thread.sleep(10);
    }
  }
}
