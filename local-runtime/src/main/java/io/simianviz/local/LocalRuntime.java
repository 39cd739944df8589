package io.simianviz.local;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.chaos.ExperimentHost;
import io.simianviz.local.chaos.ExperimentRunner;
import io.simianviz.local.chaos.PlannedExperiment;
import io.simianviz.local.evolution.Evolution;
import io.simianviz.local.evolution.EvolutionPlan;
import io.simianviz.local.evolution.StepSummary;
import io.simianviz.local.evolution.Version;
import io.simianviz.local.host.FileDescriptorBudget;
import io.simianviz.local.host.OpenFileWatch;
import io.simianviz.local.host.OutputDir;
import io.simianviz.local.host.Terminal;
import io.simianviz.local.live.LiveView;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.model.Defaults;
import io.simianviz.model.TierPackage;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.graph.VizceralJson;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.trace.SpanExporter;
import io.simianviz.service.traffic.TrafficSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * `simianviz run`: starts a LocalRun, shows progress, stops on time or Ctrl-C, writes outputs.
 * Problems the user can fix (a taken port, an output directory in use) are one line on stderr and a
 * non-zero exit, never a stack trace; a run that fails leaves earlier outputs as they were.
 */
public final class LocalRuntime {
  /** The run could not start or could not finish. */
  public static final int FAILED = 1;

  /** The output directory was refused (the CLI's exit code for usage errors). */
  public static final int REFUSED = 2;

  /**
   * Without a warm-up, how long the traffic runs before the first chaos experiment starts: the
   * first seconds of a run carry connection set-up and a cold JIT, not the steady state.
   */
  static final Duration EXPERIMENTS_AFTER = Duration.ofSeconds(5);

  /**
   * The run ended normally, but a chaos experiment did not pass: it failed, was refused or was
   * stopped before its verdict. The outputs are written all the same.
   */
  public static final int EXPERIMENT_NOT_PASSED = 3;

  private LocalRuntime() {}

  /** Runs to the end without a live view; returns the process exit code. */
  public static int run(LoadedArchitecture loaded, RunOptions options, Path file) throws Exception {
    return run(loaded, options, file, List.of(), ViewOptions.off());
  }

  /**
   * Runs to the end with chaos experiments, one after another, serving the live view as {@code
   * view} says; returns the process exit code ({@link #EXPERIMENT_NOT_PASSED} when an experiment
   * did not pass).
   */
  public static int run(
      LoadedArchitecture loaded,
      RunOptions options,
      Path file,
      List<PlannedExperiment> experiments,
      ViewOptions view)
      throws Exception {
    return run(loaded, options, file, experiments, view, null);
  }

  /**
   * As {@link #run(LoadedArchitecture, RunOptions, Path, List, ViewOptions)}, applying the versions
   * of {@code evolution} (null: none) to the running architecture.
   */
  public static int run(
      LoadedArchitecture loaded,
      RunOptions options,
      Path file,
      List<PlannedExperiment> experiments,
      ViewOptions view,
      EvolutionPlan evolution)
      throws Exception {
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
      return runUntil(
          loaded, file, options, experiments, view, evolution, console, System.err, stop);
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
    return runUntil(loaded, null, options, console, System.err, stop);
  }

  static int runUntil(
      LoadedArchitecture loaded,
      Path file,
      RunOptions options,
      Console console,
      PrintStream err,
      CountDownLatch stop)
      throws Exception {
    return runUntil(loaded, file, options, List.of(), ViewOptions.off(), null, console, err, stop);
  }

  static int runUntil(
      LoadedArchitecture loaded,
      Path file,
      RunOptions options,
      List<PlannedExperiment> experiments,
      ViewOptions view,
      Console console,
      PrintStream err,
      CountDownLatch stop)
      throws Exception {
    return runUntil(loaded, file, options, experiments, view, null, console, err, stop);
  }

  /**
   * @param file the architecture's file, named in warnings about it (null: the architecture's name)
   * @param experiments chaos experiments, run one after another from the end of the warm-up
   * @param view whether and where the live view is served; its address is the first console line
   * @param evolution the versions applied while it runs, or null
   * @param err where problems and warnings go, one line each
   */
  static int runUntil(
      LoadedArchitecture loaded,
      Path file,
      RunOptions options,
      List<PlannedExperiment> experiments,
      ViewOptions view,
      EvolutionPlan evolution,
      Console console,
      PrintStream err,
      CountDownLatch stop)
      throws Exception {
    String experimentProblem = experimentProblem(loaded, options, experiments);
    if (experimentProblem != null) {
      err.println("simianviz run: " + experimentProblem);
      return REFUSED;
    }
    OutputDir outputs;
    try {
      outputs =
          options.runDirectories()
              ? OutputDir.newRunIn(options.out(), LocalDateTime.now(ZoneId.systemDefault()))
              : OutputDir.into(options.out(), options.force());
    } catch (OutputDir.Refused refused) {
      err.println("simianviz run: " + refused.getMessage());
      return REFUSED;
    }
    boolean committed = false;
    try {
      ExperimentRunner[] ran = new ExperimentRunner[1];
      RunReport report =
          runInto(
              loaded,
              file,
              options,
              experiments,
              view,
              evolution,
              ran,
              outputs,
              console,
              err,
              stop);
      if (report == null) {
        return FAILED;
      }
      String linkProblem = outputs.commit();
      committed = true;
      report.print(System.out);
      System.out.println(
          "outputs: "
              + outputs.target()
              + (outputs.latest() != null && linkProblem == null
                  ? " (also " + outputs.latest() + ")"
                  : ""));
      if (linkProblem != null) {
        err.println("simianviz run: warning: " + linkProblem);
      }
      if (ran[0] != null) {
        ran[0].outcomes().forEach(System.out::println);
        if (!ran[0].allPassed()) {
          return EXPERIMENT_NOT_PASSED;
        }
      }
      return 0;
    } finally {
      if (!committed) {
        outputs.discard();
      }
    }
  }

  /** The run, its outputs written to the staging directory; null when it failed (said on err). */
  private static RunReport runInto(
      LoadedArchitecture loaded,
      Path file,
      RunOptions options,
      List<PlannedExperiment> experiments,
      ViewOptions view,
      EvolutionPlan evolution,
      ExperimentRunner[] ran,
      OutputDir outputs,
      Console console,
      PrintStream err,
      CountDownLatch stop)
      throws Exception {
    ArchitectureSpec spec = loaded.architecture().getSpec();
    String source = file == null ? loaded.name() : file.toString();
    trafficWarning(options, spec, source, err);
    if (evolution == null) {
      evolution =
          EvolutionPlan.ofAutoscaleOrSchedule(
              new Version(file == null ? Path.of(loaded.name()) : file, loaded));
    }
    String zipkin = LocalRun.zipkinEndpoint(spec);
    if (zipkin != null) {
      String problem = ZipkinEndpoint.problem(zipkin);
      if (problem != null) {
        err.println(
            source
                + ": warning: tracing.zipkinEndpoint: "
                + problem
                + "; spans go to spans.json only");
        zipkin = null;
      }
    }
    RunReport report;
    StatsSnapshot stats;
    SpanExporter spans;
    String vizceral;
    try (LocalRun run = new LocalRun(loaded, options, console, outputs.staging(), zipkin);
        LiveView live = startView(run, view, err)) {
      if (live == null) {
        return null;
      }
      if (live.url() != null) {
        console.event("view: " + live.url());
      }
      int total = run.totalInstances();
      // A folder's versions: the open files must do for each tier at its largest.
      int most =
          evolution == null
              ? total
              : Math.max(
                  total,
                  evolution
                      .instancesPerTier(new ExpansionOptions(options.scale(), options.regions()))
                      .values()
                      .stream()
                      .mapToInt(Integer::intValue)
                      .sum());
      String fdProblem = FileDescriptorBudget.problem(most);
      if (fdProblem != null) {
        err.println("simianviz run: " + fdProblem);
        return null;
      }
      console.event(
          "simianviz run: "
              + loaded.name()
              + ", "
              + total
              + " instances, outputs in "
              + outputs.target()
              + (zipkin == null ? "" : ", spans also to " + zipkin));
      int pool = run.smallestPool();
      if (pool < CallPolicy.defaults().maxConnectionsPerInstance()) {
        console.event(
            "the open-file limit leaves "
                + pool
                + " connection(s) per instance of the largest tiers for all their callers; under"
                + " load calls will queue for them (raise ulimit -n, or lower --scale)");
      }
      if (!experiments.isEmpty()) {
        run.withoutMonkey();
      }
      RunEvolutionHost evolutionHost = null;
      if (evolution != null) {
        evolutionHost = new RunEvolutionHost(run, options);
        run.planFor(evolution.instancesPerTier(evolutionHost.expansion()));
      }
      try {
        run.start();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        err.println(
            "simianviz run: "
                + (cause instanceof StartFailure f
                    ? f.userMessage()
                    : "could not start every instance: " + cause.getMessage()));
        return null;
      } catch (TimeoutException e) {
        err.println("simianviz run: not every instance started within 120 s; try a lower --scale");
        return null;
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
      ExperimentRunner chaos = null;
      if (!experiments.isEmpty()) {
        ExperimentHost host = new RunExperimentHost(run);
        chaos = new ExperimentRunner(host, experiments, ChaosGuard.of(spec), options.seed());
        ran[0] = chaos;
        Duration delay = options.warmup().isZero() ? EXPERIMENTS_AFTER : Duration.ZERO;
        experimentPlan(experiments, options, delay, host.settleLagMillis(), console);
        chaos.start(delay);
      }
      Evolution evolving = null;
      if (evolution != null) {
        evolving = new Evolution(evolutionHost, evolution, options.warmup().isZero());
        evolving.start();
      }
      awaitEnd(options, chaos, stop, console);
      if (evolving != null && evolution.watched() == null) {
        long said = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        boolean told = false;
        while (!evolving.scheduleDone() && !stop.await(100, TimeUnit.MILLISECONDS)) {
          // Ctrl-C ends it sooner; a schedule a moment longer than the duration is not worth a line
          if (!told && System.nanoTime() - said > 0) {
            console.event(
                "the duration is over; the run goes on until every version has run its step");
            told = true;
          }
        }
      }
      if (evolving != null) {
        evolving.stop();
      }
      run.vertx().cancelTimer(timer);
      console.finish();
      run.finishTraffic();
      List<StepSummary> steps = List.of();
      if (evolving != null) {
        evolving.finish(evolutionHost.reading());
        steps = evolving.summaries();
      }
      live.readNow();
      vizceral = VizceralJson.of(run.live().snapshot(), System.currentTimeMillis());
      stats = StatsSnapshot.of(run.process().stats());
      report = RunReport.of(run, stats, chaos == null ? List.of() : chaos.summaries(), steps);
      spans = run.process().spans();
    }
    report.write(outputs.staging(), stats);
    Files.writeString(outputs.staging().resolve("vizceral.json"), vizceral);
    spanWarnings(spans, zipkin, err);
    return report;
  }

  /**
   * Waits for the end of the run: the duration, and then the verdict of every experiment; or
   * Ctrl-C, which stops the experiment under way (restoring its outage).
   */
  private static void awaitEnd(
      RunOptions options, ExperimentRunner chaos, CountDownLatch stop, Console console)
      throws InterruptedException {
    boolean interrupted;
    if (options.duration().isZero()) {
      stop.await();
      interrupted = true;
    } else {
      interrupted = stop.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
    }
    if (chaos == null) {
      return;
    }
    if (!interrupted && !chaos.isDone()) {
      console.event("the duration is over; the run goes on until the experiments' verdicts");
      while (!chaos.isDone()) {
        if (stop.await(100, TimeUnit.MILLISECONDS)) {
          interrupted = true;
          break;
        }
      }
    }
    if (interrupted && !chaos.isDone()) {
      try {
        chaos
            .stop("the run was interrupted")
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        console.event("chaos: an outage could not be restored in time: " + e.getMessage());
      }
    }
  }

  /**
   * Why the experiments cannot run on this architecture, or null: an architectureRef naming another
   * architecture, or no traffic to judge them by.
   */
  static String experimentProblem(
      LoadedArchitecture loaded, RunOptions options, List<PlannedExperiment> experiments) {
    ArchitectureSpec spec = loaded.architecture().getSpec();
    for (PlannedExperiment e : experiments) {
      String ref = e.spec().getArchitectureRef();
      if (ref != null && !ref.isBlank() && !ref.equals(loaded.name())) {
        return e.source()
            + ": spec.architectureRef: names architecture "
            + ref
            + ", but this run is "
            + loaded.name()
            + " (leave it out, or name "
            + loaded.name()
            + ")";
      }
    }
    if (!experiments.isEmpty() && !hasTrafficSource(loaded, options)) {
      return experiments.getFirst().source()
          + ": "
          + (LocalRun.sendsTraffic(options, spec)
                  || !Defaults.trafficEnabled(spec)
                  || hasNoSourceTier(spec)
              ? "the architecture has no traffic source (a denominator tier)"
              : "the traffic sources send no requests (rate 0)")
          + ": an experiment is judged by the traffic it lets through, so there is nothing to"
          + " judge it by";
    }
    return null;
  }

  private static boolean hasTrafficSource(LoadedArchitecture loaded, RunOptions options) {
    ArchitectureSpec spec = loaded.architecture().getSpec();
    return LocalRun.sendsTraffic(options, spec) && !hasNoSourceTier(spec);
  }

  private static boolean hasNoSourceTier(ArchitectureSpec spec) {
    return spec.getServices().stream()
        .noneMatch(t -> TierPackage.DENOMINATOR.spigoName().equals(t.getPackageName()));
  }

  /** One line up front: the experiments, how long they take, and when the run ends. */
  private static void experimentPlan(
      List<PlannedExperiment> experiments,
      RunOptions options,
      Duration delay,
      long lagMillis,
      Console console) {
    long windows =
        delay.toMillis() + experiments.stream().mapToLong(e -> e.windows().toMillis()).sum();
    long longest = delay.toMillis() + ExperimentRunner.longest(experiments, lagMillis).toMillis();
    long duration = options.duration().toMillis();
    console.event(
        String.format(
            "chaos: %d experiment(s), one after another%s, %.0f s of windows (at most %.0f s"
                + " with the wait for their last requests to settle)%s; the architecture's own"
                + " monkey is off",
            experiments.size(),
            delay.isZero()
                ? ""
                : String.format(
                    " from %.0f s on (the traffic settles first)", delay.toMillis() / 1000.0),
            windows / 1000.0,
            longest / 1000.0,
            duration == 0
                ? ""
                : duration < longest
                    ? String.format(
                        "; --duration %.0f s may be too short: the run goes on until their"
                            + " verdicts",
                        duration / 1000.0)
                    : ""));
  }

  /** The live view of {@code run}; null when its server cannot listen (said on err). */
  private static LiveView startView(LocalRun run, ViewOptions view, PrintStream err) {
    try {
      return LiveView.start(
          run.vertx(), run.process().stats(), run.live(), run::elapsedMillis, view);
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      err.println(
          "simianviz run: the live view cannot listen on 127.0.0.1:"
              + view.port()
              + " ("
              + cause.getMessage()
              + "); choose another port with --ui PORT, or --no-ui");
      return null;
    }
  }

  /** Rate 0 is a run without traffic: legal, but rarely what was meant, so it is said. */
  private static void trafficWarning(
      RunOptions options, ArchitectureSpec spec, String source, PrintStream err) {
    if (!Defaults.trafficEnabled(spec) || LocalRun.sendsTraffic(options, spec)) {
      return;
    }
    String rate = plain(LocalRun.trafficRate(options, spec));
    String which =
        options.rate() != null
            ? "simianviz run: warning: --rate " + rate
            : source + ": warning: traffic.rate " + rate;
    err.println(
        which
            + ": the traffic sources send no requests, so the instances stand idle and every"
            + " count is 0 (give a rate above 0, e.g. --rate 100)");
  }

  /** 0 rather than 0.0. */
  private static String plain(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d)
        ? Long.toString((long) d)
        : Double.toString(d);
  }

  /** Spans that did not reach spans.json or the collector, said once at the end. */
  private static void spanWarnings(SpanExporter spans, String zipkin, PrintStream err) {
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
