package io.simianviz.local;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.service.CallPolicy;
import io.simianviz.service.Nanoservice;
import io.simianviz.service.TrafficSource;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** `simianviz run`: starts a LocalRun, shows progress, stops on time or Ctrl-C, writes outputs. */
public final class LocalRuntime {
  private LocalRuntime() {}

  /** Runs to the end; returns the process exit code. */
  public static int run(LoadedArchitecture loaded, RunOptions options, Path file) throws Exception {
    PrintStream out = System.out;
    Console console = new Console(out, Terminal.attached());
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                finished.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "simianviz-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return runUntil(loaded, options, console, stop);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for `finished`, which is now counted down.
      }
    }
  }

  static int runUntil(
      LoadedArchitecture loaded, RunOptions options, Console console, CountDownLatch stop)
      throws Exception {
    RunReport report;
    try (LocalRun run = new LocalRun(loaded, options, console)) {
      int total = run.totalInstances();
      String fdProblem = FileDescriptorBudget.problem(total);
      if (fdProblem != null) {
        System.err.println("simianviz run: " + fdProblem);
        return 1;
      }
      console.event(
          "simianviz run: "
              + loaded.name()
              + ", "
              + total
              + " instances, outputs in "
              + options.out());
      int pool = run.smallestPool();
      if (pool < CallPolicy.defaults().maxConnectionsPerInstance()) {
        console.event(
            "the open-file limit leaves "
                + pool
                + " connection(s) per instance of the largest tiers for all their callers; under"
                + " load calls will queue for them (raise ulimit -n, or lower --scale)");
      }
      try {
        run.start();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        System.err.println(
            "simianviz run: could not start every instance: "
                + cause.getMessage()
                + (cause instanceof BindException
                    ? " (port "
                        + options.port()
                        + " is taken, perhaps by a server on all addresses; choose another with"
                        + " --port)"
                    : ""));
        return 1;
      }
      long period = options.progressEvery().toMillis();
      RequestRate rate = new RequestRate(sent(run), System.nanoTime());
      OpenFileWatch files = OpenFileWatch.ofThisProcess();
      long timer =
          run.vertx()
              .setPeriodic(
                  period,
                  id -> {
                    console.status(progress(run, rate));
                    String warning = files.check();
                    if (warning != null) {
                      console.event(warning);
                    }
                  });
      if (options.duration().isZero()) {
        stop.await();
      } else {
        stop.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
      }
      run.vertx().cancelTimer(timer);
      console.finish();
      List<Nanoservice> sources = run.trafficSources();
      report = RunReport.of(run, sources);
      report.write(options.out(), run.node().stats());
    }
    report.print(System.out);
    System.out.println("outputs: " + options.out());
    return 0;
  }

  private static long sent(LocalRun run) {
    long sent = 0;
    for (Nanoservice s : run.trafficSources()) {
      sent += s.traffic().sent();
    }
    return sent;
  }

  private static String progress(LocalRun run, RequestRate rate) {
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
}
