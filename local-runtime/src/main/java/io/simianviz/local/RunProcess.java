package io.simianviz.local;

import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.discovery.LocalRegistry;
import io.simianviz.service.trace.SpanExporter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

/** The process a local run's instances share: Vert.x, the in-process registry, spans, pools. */
final class RunProcess {
  private RunProcess() {}

  /**
   * One event loop per core, not Vert.x's two: every instance and connection lives in this process,
   * so a hop between instances on different loops wakes a sleeping thread, and extra loops only add
   * such wake-ups. The native epoll transport (Linux) saves a copy and a system call per read. The
   * context class loader is left alone: this process has one class path, and Vert.x would otherwise
   * set and restore it around every event it dispatches, several times per hop.
   */
  static VertxOptions vertxOptions(int eventLoops) {
    return new VertxOptions()
        .setEventLoopPoolSize(eventLoops)
        .setPreferNativeTransport(true)
        .setDisableTCCL(true);
  }

  /**
   * @param connectionsPerInstance the HTTP/1.1 pool to each instance of a tier
   * @param spans spans.json
   * @param zipkinEndpoint where spans are also sent, as pod mode sends them, or null
   */
  static ProcessContext context(
      Vertx vertx,
      ToIntFunction<String> connectionsPerInstance,
      Path spans,
      String zipkinEndpoint,
      double sampleRate) {
    SpanExporter.Options toFile = SpanExporter.Options.toFile(spans);
    SpanExporter.Options spanOptions =
        zipkinEndpoint == null
            ? toFile
            : new SpanExporter.Options(
                toFile.file(),
                null,
                zipkinEndpoint,
                toFile.capacity(),
                toFile.batchSize(),
                toFile.interval());
    return new ProcessContext(
        vertx,
        new LocalRegistry(),
        CallPolicy.defaults(),
        connectionsPerInstance,
        spanOptions,
        sampleRate);
  }

  /** {@code --sample-rate}, else the spec's {@code tracing.sampleRate}, else every trace. */
  static double sampleRate(RunOptions options, ArchitectureSpec spec) {
    if (options.sampleRate() != null) {
      return options.sampleRate();
    }
    return spec.getTracing() == null || spec.getTracing().getSampleRate() == null
        ? 1.0
        : spec.getTracing().getSampleRate();
  }
}
