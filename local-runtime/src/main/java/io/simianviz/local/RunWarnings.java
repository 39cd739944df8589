package io.simianviz.local;

import io.simianviz.model.Defaults;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.service.trace.SpanExporter;
import java.io.PrintStream;

/** A run's warnings on stderr: legal settings that are rarely what was meant, spans not kept. */
final class RunWarnings {
  private RunWarnings() {}

  /** Rate 0 is a run without traffic: legal, but rarely what was meant, so it is said. */
  static void noTraffic(RunOptions options, ArchitectureSpec spec, String source, PrintStream err) {
    if (!Defaults.trafficEnabled(spec) || options.sendsTraffic(spec)) {
      return;
    }
    String rate = plain(options.trafficRate(spec));
    String which =
        options.rate() != null
            ? "simianviz run: warning: --rate " + rate
            : source + ": warning: traffic.rate " + rate;
    err.println(
        which
            + ": the traffic sources send no requests, so the instances stand idle and every"
            + " count is 0 (give a rate above 0, e.g. --rate 100)");
  }

  /** The spec's Zipkin endpoint when it can be reached, else null (said on err). */
  static String zipkin(ArchitectureSpec spec, String source, PrintStream err) {
    String zipkin = ZipkinEndpoint.of(spec);
    if (zipkin == null) {
      return null;
    }
    String problem = ZipkinEndpoint.problem(zipkin);
    if (problem == null) {
      return zipkin;
    }
    err.println(
        source + ": warning: tracing.zipkinEndpoint: " + problem + "; spans go to spans.json only");
    return null;
  }

  /** Spans that did not reach spans.json or the collector, said once at the end. */
  static void spans(SpanExporter spans, String zipkin, PrintStream err) {
    if (spans.dropped() > 0) {
      err.println(
          "simianviz run: warning: "
              + spans.dropped()
              + " spans were dropped because the span queue was full; lower --sample-rate");
    }
    if (spans.failedBatches() > 0) {
      err.println(
          "simianviz run: warning: "
              + spans.failedBatches()
              + " batches of spans failed"
              + (zipkin == null ? "" : " (sent to " + zipkin + ")")
              + "; spans.json or the collector lacks them");
    }
  }

  /** 0 rather than 0.0. */
  private static String plain(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d)
        ? Long.toString((long) d)
        : Double.toString(d);
  }
}
