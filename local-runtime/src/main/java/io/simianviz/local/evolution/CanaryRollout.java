package io.simianviz.local.evolution;

import io.simianviz.model.chaos.WindowFigures;
import io.simianviz.model.evolution.Action;
import io.simianviz.model.evolution.CanaryAnalysis;
import io.simianviz.model.evolution.CanaryPolicy;
import io.simianviz.model.evolution.InstanceRef;
import io.simianviz.service.stats.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The canary of a roll: the first instances of the tier replaced by the new version, as many as
 * give it about {@code weight} percent of the tier's calls (callers spread over a tier's
 * instances), judged every interval by their own figures ({@link CanaryAnalysis}).
 */
final class CanaryRollout {
  private final EvolutionHost host;
  private final CountDownLatch stopSignal;

  /**
   * @param stopSignal counted down when the run ends: the analysis stops, the canary left as is
   */
  CanaryRollout(EvolutionHost host, CountDownLatch stopSignal) {
    this.host = host;
    this.stopSignal = stopSignal;
  }

  /** A canary that did not pass: the step ends with the running version kept for the tier. */
  static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RolledBack(String message) {
      super(message);
    }
  }

  /**
   * Runs the canary of {@code r}. Promoted: returns how many instances are rolled. Rolled back:
   * they are replaced by the running version again, and {@link RolledBack} is thrown.
   */
  int run(Action.Roll r, CanaryPolicy policy, Version from, Version next)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<InstanceRef> all = r.instances();
    int k =
        all.size() == 1
            ? 1
            : Math.clamp((long) Math.ceil(all.size() * policy.weight() / 100.0), 1, all.size() - 1);
    List<InstanceRef> canary = all.subList(0, k);
    Transitions.await(host.replace(canary, next.spec(), host.drainTime()));
    Transitions.say(
        host,
        String.format(
            Locale.ROOT,
            "  canary %s: %d of %d instance(s) at %s (about %d%% of its calls), judged every %d s",
            r.tier(),
            k,
            all.size(),
            r.toVersion() == null ? "the new settings" : r.toVersion(),
            Math.round(100.0 * k / all.size()),
            policy.interval().toSeconds()));
    List<WindowFigures> intervals = new ArrayList<>();
    LatencyHistogram.Snapshot last = host.servedBy(canary);
    long lastAt = System.currentTimeMillis();
    while (true) {
      if (stopSignal.await(policy.interval().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new RolledBack(
            "stopped: the run ended during the canary analysis of "
                + r.tier()
                + " ("
                + k
                + " canary instance(s) left at the new version)");
      }
      LatencyHistogram.Snapshot now = host.servedBy(canary);
      long at = System.currentTimeMillis();
      WindowFigures w = figures(last, now, lastAt, at);
      last = now;
      lastAt = at;
      intervals.add(w);
      Optional<String> failed = CanaryAnalysis.failure(policy, w);
      Transitions.say(
          host,
          String.format(
              Locale.ROOT,
              "  canary %s interval %d: %d requests, success %.3f%%, p99 <= %.1f ms: %s",
              r.tier(),
              intervals.size(),
              w.requests(),
              100 * w.successRate(),
              w.p99Ms(),
              failed.map(f -> "failed (" + f + ")").orElse("passed")));
      CanaryAnalysis.Judgement j = CanaryAnalysis.judge(policy, intervals);
      if (j.outcome() == CanaryAnalysis.Outcome.PROMOTE) {
        Transitions.say(
            host, "  canary " + r.tier() + " promoted after " + j.intervals() + " interval(s)");
        return k;
      }
      if (j.outcome() == CanaryAnalysis.Outcome.ROLLBACK) {
        String to = r.fromVersion() == null ? "the running version" : r.fromVersion();
        Transitions.say(
            host,
            "  canary "
                + r.tier()
                + " failed "
                + j.failures().size()
                + " interval(s): rolling back to "
                + to);
        Transitions.await(host.replace(canary, from.spec(), host.drainTime()));
        throw new RolledBack(
            "rolled back " + r.tier() + " to " + to + ": " + String.join("; ", j.failures()));
      }
    }
  }

  /** A canary's figures over one interval, from its instances' own counts. */
  private static WindowFigures figures(
      LatencyHistogram.Snapshot before, LatencyHistogram.Snapshot after, long from, long to) {
    long requests = Math.max(0, after.count() - before.count());
    long errors = Math.clamp(after.errors() - before.errors(), 0, requests);
    return new WindowFigures(
        from,
        to,
        requests,
        requests - errors,
        errors,
        0,
        requests == 0 ? 0 : (requests - errors) / (double) requests,
        after.percentileSince(before, 50) / 1000.0,
        after.percentileSince(before, 99) / 1000.0);
  }
}
