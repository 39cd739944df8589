package io.simianviz.local;

import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.traffic.TrafficSource;

/** The console's progress line, once a period: instances up, request rate, success, latency. */
final class ProgressLine {
  private final LocalRun run;
  private final RequestRate rate;

  ProgressLine(LocalRun run) {
    this.run = run;
    this.rate = new RequestRate(sent(run), System.nanoTime());
  }

  /** The line now; the rate is over the time since the line before. */
  String now() {
    long requests = 0;
    long errors = 0;
    double p50 = 0;
    double p99 = 0;
    for (Nanoservice s : run.trafficSources()) {
      TrafficSource.Summary summary = s.traffic().summary();
      requests += summary.requests();
      errors += summary.errors();
      p50 = Math.max(p50, summary.p50());
      p99 = Math.max(p99, summary.p99());
    }
    return String.format(
        "%6.1fs up %d/%d  %7.0f req/s  success %6.2f%%  p50 %6.2f ms  p99 %7.2f ms  kills %d",
        run.elapsedMillis() / 1000.0,
        run.upCount(),
        run.totalInstances(),
        rate.perSecond(sent(run), System.nanoTime()),
        requests == 0 ? 100.0 : 100.0 * (requests - errors) / requests,
        p50,
        p99,
        run.chaosEvents().size());
  }

  private static long sent(LocalRun run) {
    long sent = 0;
    for (Nanoservice s : run.trafficSources()) {
      sent += s.traffic().sent();
    }
    return sent;
  }
}
