package io.simianviz.service.call;

import io.simianviz.model.TierPackage;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.stats.InstanceMetrics;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * One instance's calls to its dependencies, each in the protocol its tier serves: discovery,
 * same-zone-first round robin, per-attempt timeout, retries to the next candidate within this
 * caller's retry budget, and short ejection of instances that refuse connections or time out
 * several times in a row ({@link OutlierEjection}). An attempt across the process's {@link
 * NetworkPartition} is never sent and fails as a timeout. A request that carries its caller's
 * deadline ({@link TraceContext#deadlineNanos}) bounds each attempt's deadline by its time left
 * less {@link CallPolicy#DEADLINE_MARGIN}, and no attempt, first or retry, is sent when less than
 * {@link CallPolicy#DEADLINE_FLOOR} would be left for it. Every call completes with a {@link Reply}
 * (an error reply when all attempts failed or no instance exists) and is counted in the caller's
 * edge timing; it never fails.
 */
public final class DependencyClient {
  private static final long MARGIN_NANOS = CallPolicy.DEADLINE_MARGIN.toNanos();
  private static final long FLOOR_NANOS = CallPolicy.DEADLINE_FLOOR.toNanos();

  private final ProcessContext process;
  private final InstanceConfig self;
  private final boolean zoneAffinity;
  private final InstanceMetrics metrics;
  private final RetryBudget retryBudget;

  /** This caller as the partition knows it; null for a traffic source, which it never cuts off. */
  private final String partitionName;

  /** The instances this one has called, as far as {@link InstanceLinks} recorded them. */
  private final Set<String> linked = ConcurrentHashMap.newKeySet();

  private int rotation;

  /** A client whose calls are counted in metrics of its own (tests; an instance has its own). */
  public DependencyClient(ProcessContext process, InstanceConfig self, boolean zoneAffinity) {
    this(process, self, zoneAffinity, new InstanceMetrics(process.stats(), self));
  }

  /**
   * @param zoneAffinity false for load balancers and traffic sources, which spread over zones
   * @param metrics the caller's, where each call's response time is counted
   */
  public DependencyClient(
      ProcessContext process, InstanceConfig self, boolean zoneAffinity, InstanceMetrics metrics) {
    this.process = process;
    this.self = self;
    this.zoneAffinity = zoneAffinity;
    this.metrics = metrics;
    this.retryBudget = process.newRetryBudget();
    this.partitionName = self.pkg() == TierPackage.DENOMINATOR ? null : self.name();
    this.rotation = self.name().hashCode();
  }

  /** Calls one instance of a tier, the caller's zone first, retrying elsewhere on failure. */
  public Future<Reply> call(String tier, Request request, TraceContext parent) {
    long start = System.nanoTime();
    if (attemptNanos(parent) < FLOOR_NANOS) {
      return Future.succeededFuture(
          recordEdge(tier, start, CallFailures.noTimeLeft(tier, self, parent)));
    }
    retryBudget.onRequest();
    List<Endpoint> all = process.discovery().instances(tier);
    if (all.isEmpty()) {
      return Future.succeededFuture(recordEdge(tier, start, CallFailures.noInstance(tier, self)));
    }
    List<Endpoint> candidates =
        process
            .candidateOrders()
            .of(tier, all, self.region(), self.zone(), zoneAffinity)
            .first(process.policy().maxRetries() + 1, rotation++, process.outliers().ejected());
    Call call = new Call(tier, start, candidates, request, parent, true);
    call.attempt();
    return call.result.future();
  }

  /** Calls one given instance once (a ring node forwarding to the key's owner). */
  public Future<Reply> callInstance(Endpoint endpoint, Request request, TraceContext parent) {
    long start = System.nanoTime();
    if (attemptNanos(parent) < FLOOR_NANOS) {
      return Future.succeededFuture(
          recordEdge(
              endpoint.tier(), start, CallFailures.noTimeLeft(endpoint.tier(), self, parent)));
    }
    Call call = new Call(endpoint.tier(), start, List.of(endpoint), request, parent, false);
    call.attempt();
    return call.result.future();
  }

  /**
   * One call and its attempts: an object per call and callbacks, where a chain of futures made a
   * promise, a listener and a dispatch per stage ({@code transform}, {@code map}, the deadline's).
   * Its result is the one future of the call, which every caller gets.
   */
  private final class Call implements Handler<AsyncResult<Reply>> {
    final Promise<Reply> result = Promise.promise();
    private final String tier;
    private final long startNanos;
    private final List<Endpoint> candidates;
    private final Request request;
    private final TraceContext parent;

    /** A tier's call retries elsewhere and tells the outlier detector; a given instance's not. */
    private final boolean retries;

    /** The attempt under way, 0 for the first. */
    private int attempted;

    private Endpoint target;
    private long sentAt;

    /** Whether the attempt under way has less than the whole timeout: its request's deadline. */
    private boolean shortened;

    Call(
        String tier,
        long startNanos,
        List<Endpoint> candidates,
        Request request,
        TraceContext parent,
        boolean retries) {
      this.tier = tier;
      this.startNanos = startNanos;
      this.candidates = candidates;
      this.request = request;
      this.parent = parent;
      this.retries = retries;
    }

    void attempt() {
      target = candidates.get(attempted % candidates.size());
      sentAt = System.nanoTime();
      shortened = attemptNanos(parent) < process.policy().timeout().toNanos();
      send(target, request, parent, this);
    }

    /** An attempt's outcome. */
    @Override
    public void handle(AsyncResult<Reply> ar) {
      if (ar.succeeded()) {
        if (retries) {
          process.outliers().answered(target);
        }
        done(ar.result());
        return;
      }
      Throwable err = ar.cause();
      if (!retries) {
        done(failure(err, timedOut(err, startNanos)));
        return;
      }
      boolean timedOut = timedOut(err, sentAt);
      // A caller cut off learns nothing of its targets (on a cluster its detector would be its
      // own; here every caller of the process shares one), nor does an attempt that timed out
      // on a deadline shorter than the timeout: its caller was in a hurry, the instance not slow.
      if ((partitionName == null || !process.partition().isIsolated(partitionName))
          && !(timedOut && shortened)) {
        process.outliers().failed(target, err, timedOut);
      }
      // The time left is checked before the budget: a retry not sent takes no token.
      if (attempted < process.policy().maxRetries()
          && attemptNanos(parent) >= FLOOR_NANOS
          && retryBudget.tryRetry()) {
        attempted++;
        attempt();
        return;
      }
      done(failure(err, timedOut));
    }

    private Reply failure(Throwable err, boolean timedOut) {
      return CallFailures.failure(target, err, timedOut, process.policy().timeout());
    }

    private void done(Reply reply) {
      result.complete(recordEdge(tier, startNanos, reply));
    }
  }

  /**
   * One attempt, bounded by its deadline one timeout after it is sent ({@link CallDeadline}, kept
   * by a sweep per event loop, no timer per call): waiting for a pooled connection, connecting and
   * waiting for the answer all count. An attempt across the network partition is not sent: like a
   * packet into a blackhole, it fails at its deadline.
   */
  private void send(
      Endpoint target, Request request, TraceContext parent, Handler<AsyncResult<Reply>> then) {
    CallDeadline deadline = process.deadlines().start(attemptNanos(parent));
    deadline.then(then);
    if (process.partition().cuts(partitionName, target.instance())) {
      return;
    }
    // Most calls go to an instance called before: a look-up in this caller's small set is all.
    if (!linked.contains(target.instance()) && process.links().called(self.name(), target)) {
      linked.add(target.instance());
    }
    process.transport(self.protocolOf(target.tier())).send(target, request, parent, deadline);
  }

  /**
   * Whether a failed attempt timed out: it says so (its deadline, or Vert.x's wait for a pooled
   * connection), or it failed only after the whole timeout.
   */
  private boolean timedOut(Throwable err, long sentAtNanos) {
    return err instanceof TimeoutException
        || System.nanoTime() - sentAtNanos >= process.policy().timeout().toNanos();
  }

  /**
   * How long an attempt sent now may take: the request's time left less the margin, or without a
   * deadline as long as it likes (the policy's timeout bounds it).
   */
  private static long attemptNanos(TraceContext parent) {
    return parent.hasDeadline() ? parent.remainingNanos() - MARGIN_NANOS : Long.MAX_VALUE;
  }

  private Reply recordEdge(String tier, long startNanos, Reply reply) {
    metrics.edge(tier).record((System.nanoTime() - startNanos) / 1000, reply.isError());
    return reply;
  }
}
