package io.simianviz.service.traffic;

import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.call.DependencyClient;
import io.simianviz.service.discovery.LoopAffinity;
import io.simianviz.service.stats.InstanceMetrics;
import io.simianviz.service.trace.Span;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The denominator: an open-loop load generator. Request n is due at {@code start + n / rate}
 * whatever happened to earlier ones, and its latency is measured from that intended start, so a
 * stalled system is charged for the requests it delayed (no coordinated omission). Requests go to
 * the tier's dependencies in turn (spigo's "route"), with a new trace each. Every request ends in
 * success or a counted error; when too many are outstanding new ones are counted as errors instead
 * of piling up without bound.
 *
 * <p>Beside the {@link Summary} (reset at the end of a warm-up) every request is also counted by
 * the time it was sent, for chaos verdicts: {@link #settled} (see {@link SettledCounters}). The
 * bucket is that of the actual send, not the intended start: the deadline runs from the call, so a
 * request sent late by a stalled event loop is not counted lost while its call is still allowed to
 * take its time.
 */
public final class TrafficSource {
  /**
   * How a traffic source sends.
   *
   * @param rate requests per second
   * @param keySpace keys are {@code key0 .. key<keySpace-1>}, so GETs find earlier PUTs
   */
  public record Options(double rate, int getWeight, int putWeight, int keySpace, int maxInFlight) {
    public static Options of(double rate, int getWeight, int putWeight) {
      return new Options(rate, getWeight, putWeight, 1000, 10_000);
    }
  }

  /** How a traffic source sends one request: its instance's {@link DependencyClient}. */
  @FunctionalInterface
  interface Calls {
    Future<Reply> call(String tier, Request request, TraceContext parent);
  }

  /** Totals since start; latencies in milliseconds over all ops. */
  public record Summary(long requests, long errors, double successRate, double p50, double p99) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("requests", requests)
          .put("errors", errors)
          .put("successRate", successRate)
          .put("p50", p50)
          .put("p99", p99);
    }
  }

  private final ProcessContext process;
  private final InstanceConfig config;
  private final Calls client;
  private final Options options;
  private final List<String> routes;

  /** Between two requests; changed on the source's context by {@link #rate}. */
  private long intervalNanos;

  /** A rate of 0 set by {@link #rate}: nothing is sent until a rate above 0. */
  private boolean paused;

  private final AtomicLong inFlight = new AtomicLong();
  private final Map<Request.Op, InstanceMetrics.Timing> timings;
  private final SummaryCounters summary = new SummaryCounters();
  private final SettledCounters settled;

  /** How long the source waits for each request's answer, which each request carries. */
  private final long deadlineNanos;

  private long startNanos;

  /** Where the timer runs and sends: {@link #stop} cancels it there, after any send under way. */
  private final Context context;

  /** Written on the event loop, read by anyone asking how many went out. */
  private volatile long sent;

  private volatile boolean stopped;
  private long timerId = -1;
  private int nextRoute;

  private TrafficSource(
      ProcessContext process,
      InstanceConfig config,
      InstanceMetrics metrics,
      Calls client,
      Options options) {
    if (options.rate() <= 0 || options.getWeight() + options.putWeight() <= 0) {
      throw new IllegalArgumentException("traffic needs a rate > 0 and a GET or PUT weight > 0");
    }
    this.process = process;
    this.config = config;
    this.client = client;
    this.options = options;
    this.routes = config.dependencyTiers();
    this.intervalNanos = Math.max(1, (long) (1e9 / options.rate()));
    this.context = process.vertx().getOrCreateContext();
    this.settled = new SettledCounters(deadline(process), SettledCounters.epochClock());
    this.deadlineNanos = deadline(process).toNanos();
    this.timings =
        Map.of(
            Request.Op.GET, metrics.traffic(Request.Op.GET.name()),
            Request.Op.PUT, metrics.traffic(Request.Op.PUT.name()));
  }

  /**
   * Starts sending at the options' rate until {@link #stop}.
   *
   * @param metrics the source instance's, where each request's end-to-end time is counted
   */
  public static TrafficSource start(
      ProcessContext process,
      InstanceConfig config,
      InstanceMetrics metrics,
      DependencyClient client,
      Options options) {
    return start(process, config, metrics, client::call, options);
  }

  /** Starts sending through any {@link Calls}: a test's that never answers, for one. */
  static TrafficSource start(
      ProcessContext process,
      InstanceConfig config,
      InstanceMetrics metrics,
      Calls client,
      Options options) {
    TrafficSource source = new TrafficSource(process, config, metrics, client, options);
    long tickMs = Math.max(1, Math.min(10, source.intervalNanos / 1_000_000));
    source.startNanos = System.nanoTime();
    source.context.runOnContext(
        v -> {
          if (!source.stopped) {
            source.timerId = process.vertx().setPeriodic(0, tickMs, id -> source.sendDue());
          }
        });
    return source;
  }

  /**
   * Stops sending. The returned future completes once no further request can go out; requests
   * already sent are still answered and counted ({@link #inFlight} falls to 0 after the last).
   */
  public Future<Void> stop() {
    stopped = true;
    Promise<Void> done = Promise.promise();
    context.runOnContext(
        v -> {
          if (timerId >= 0) {
            process.vertx().cancelTimer(timerId);
          }
          settled.endSending();
          done.complete();
        });
    return done.future();
  }

  /**
   * Sends {@code rate} requests per second from now on (a rate schedule's step); 0 pauses. The
   * requests already sent keep their intended start times, the next is due one new interval from
   * now.
   */
  public void rate(double rate) {
    context.runOnContext(
        v -> {
          paused = !(rate > 0);
          if (!paused) {
            long interval = Math.max(1, (long) (1e9 / rate));
            startNanos = System.nanoTime() - sent * interval;
            intervalNanos = interval;
          }
        });
  }

  private void sendDue() {
    if (stopped || paused) {
      return;
    }
    long due = (System.nanoTime() - startNanos) / intervalNanos + 1;
    long nowMillis = settled.now();
    for (long n = sent; n < due; n++) {
      // Counted before it goes out: sent() never trails the requests in flight or done.
      sent = n + 1;
      send(n, startNanos + n * intervalNanos, settled.sent(nowMillis));
    }
  }

  private void send(long n, long intendedStart, SendBucket bucket) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    boolean get = random.nextInt(options.getWeight() + options.putWeight()) < options.getWeight();
    String key = "key" + random.nextInt(options.keySpace());
    Request request = get ? Request.get(key) : Request.put(key, "v" + n);
    if (routes.isEmpty() || inFlight.get() >= options.maxInFlight()) {
      String why = routes.isEmpty() ? "no dependency to send to" : "too many requests in flight";
      finish(request, intendedStart, bucket, Reply.error(Reply.NO_INSTANCE, why), null, 0);
      return;
    }
    inFlight.incrementAndGet();
    // The source waits for an answer as long as its deadline; every tier on the way knows it.
    TraceContext root =
        TraceContext.root(random.nextDouble() < process.sampleRate()).withTimeLeft(deadlineNanos);
    // The wall clock only for a span that may be exported.
    long startMicros = root.sampled() ? Span.nowMicros() : 0;
    String route = routes.get(Math.floorMod(nextRoute++, routes.size()));
    // The timer sends from one event loop; request n enters on loop n of the first tier's
    // instances, so the requests' hops spread over every loop (LoopAffinity).
    LoopAffinity.onLane(n, () -> client.call(route, request, root))
        .onComplete(
            ar -> {
              // The client answers every call with a reply; a failure here is a bug or a shutdown,
              // and it is still counted as an error rather than lost.
              Reply reply =
                  ar.succeeded()
                      ? ar.result()
                      : Reply.error(Reply.DEPENDENCY_FAILED, "call failed: " + ar.cause());
              try {
                finish(request, intendedStart, bucket, reply, root, startMicros);
              } finally {
                // Only once it is counted: who sees nothing in flight sees every answer counted.
                inFlight.decrementAndGet();
              }
            });
  }

  private void finish(
      Request request,
      long intendedStart,
      SendBucket bucket,
      Reply reply,
      TraceContext root,
      long startMicros) {
    long micros = (System.nanoTime() - intendedStart) / 1000;
    boolean error = reply.isError();
    settled.outcome(bucket, micros, error);
    timings.get(request.op()).record(micros, error);
    summary.record(micros, error);
    if (root != null && root.sampled() && process.spans().enabled()) {
      process
          .spans()
          .offer(
              new Span(
                  root.traceId(),
                  root.spanId(),
                  null,
                  request.op().name().toLowerCase(Locale.ROOT),
                  "CLIENT",
                  startMicros,
                  micros,
                  config.tier(),
                  null,
                  0,
                  error
                      ? Map.of("instance", config.name(), "error", reply.errorMessage())
                      : Map.of("instance", config.name())));
    }
  }

  /** Requests sent so far (some may still be in flight). */
  public long sent() {
    return sent;
  }

  /** Requests sent and not yet answered. */
  public long inFlight() {
    return inFlight.get();
  }

  /**
   * The outcome of every request sent before the reading's {@code throughMillis}, cumulative since
   * start ({@link #resetSummary} leaves it alone): a request still unanswered past {@link
   * #deadline} is lost, and a later answer does not change that ({@link #lateAnswers}).
   */
  public TrafficReading settled() {
    return settled.settled();
  }

  /**
   * As {@link #settled}, and without waiting for the deadline of any slice of time that is over and
   * whose requests all have their outcome. After {@link #stop} has completed and {@link #inFlight}
   * is 0 it covers every request sent: the local runtime's last window.
   */
  public TrafficReading settledNow() {
    return settled.settledNow();
  }

  /**
   * Answers that came after their request had been counted lost: 0 unless the deadline is short.
   */
  public long lateAnswers() {
    return settled.lateAnswers();
  }

  /**
   * How long after its call a request is counted lost when it still has no outcome: the client's
   * longest call ({@link io.simianviz.service.call.CallPolicy#longestCall}) plus a second for
   * timers that fire late on a busy event loop.
   */
  public static Duration deadline(ProcessContext process) {
    return process.policy().longestCall().plusSeconds(1);
  }

  /**
   * Starts the totals afresh (the end of a warm-up); requests in flight count in the new totals.
   */
  public void resetSummary() {
    summary.reset();
  }

  public Summary summary() {
    return summary.summary();
  }
}
