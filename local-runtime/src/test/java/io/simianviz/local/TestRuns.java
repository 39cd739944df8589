package io.simianviz.local;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** LAMP as an Architecture, run options and captured output for the local runtime's tests. */
final class TestRuns {
  private TestRuns() {}

  /** LAMP (23 instances, victim webserver) with {@code extra} appended to its spec. */
  static LoadedArchitecture lamp(String extra) {
    String yaml =
        """
        apiVersion: simianviz.io/v1alpha1
        kind: Architecture
        metadata: {name: lamp}
        spec:
          victim: webserver
          services:
            - {name: rds-mysql, package: store, count: 2, regions: 1}
            - {name: memcache, package: store, count: 1, regions: 1}
            - {name: webserver, package: monolith, count: 18, regions: 1,
               dependencies: [memcache, rds-mysql]}
            - {name: webserver-elb, package: elb, count: 0, regions: 1, dependencies: [webserver]}
            - {name: www, package: denominator, count: 0, regions: 0,
               dependencies: [webserver-elb]}
        """
            + extra.indent(2);
    return ArchitectureFiles.parse(yaml, "lamp.yaml");
  }

  /**
   * Options with free ports, a fast replacement and no warm-up; outputs directly in {@code out}.
   */
  static RunOptions options(Path out, Duration duration, Double rate) {
    return options(out, duration, rate, Duration.ofMillis(300), false);
  }

  static RunOptions options(
      Path out, Duration duration, Double rate, Duration replaceAfter, boolean force) {
    return options(out, duration, rate, Duration.ZERO, replaceAfter, force);
  }

  /** As {@link #options(Path, Duration, Double)}, after a warm-up of exactly {@code warmup}. */
  static RunOptions warmedUp(Path out, Duration duration, Duration warmup) {
    return options(out, duration, null, warmup, Duration.ofMillis(300), false);
  }

  private static RunOptions options(
      Path out,
      Duration duration,
      Double rate,
      Duration warmup,
      Duration replaceAfter,
      boolean force) {
    return new RunOptions(
        duration,
        null,
        null,
        rate,
        null,
        out,
        7,
        0,
        warmup,
        Duration.ofSeconds(1),
        replaceAfter,
        force,
        false);
  }

  /** What a run printed and returned. */
  record Result(int exit, String console, String err) {}

  static Result run(LoadedArchitecture arch, RunOptions options) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        LocalRuntime.runUntil(
            arch,
            Path.of("lamp.yaml"),
            options,
            new Console(new PrintStream(console, true, StandardCharsets.UTF_8), false),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new CountDownLatch(1));
    return new Result(
        exit, console.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
