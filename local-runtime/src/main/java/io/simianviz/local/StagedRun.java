package io.simianviz.local;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.chaos.ExperimentHost;
import io.simianviz.local.chaos.ExperimentPlanLine;
import io.simianviz.local.chaos.ExperimentRunner;
import io.simianviz.local.chaos.PlannedExperiment;
import io.simianviz.local.evolution.Evolution;
import io.simianviz.local.evolution.EvolutionPlan;
import io.simianviz.local.evolution.StepSummary;
import io.simianviz.local.evolution.Version;
import io.simianviz.local.host.OpenFileWatch;
import io.simianviz.local.host.OutputDir;
import io.simianviz.local.live.LiveView;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.local.run.RunEvolutionHost;
import io.simianviz.local.run.StartFailure;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.graph.VizceralJson;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.service.trace.SpanExporter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * One run of `simianviz run` from start to outputs: the warnings, the live view, the instances and
 * traffic, progress on the console, the chaos experiments and the versions applied while it runs,
 * the end, and the outputs written to the staging directory ({@link LocalRuntime} commits them).
 */
final class StagedRun {
  private StagedRun() {}

  /** The run, its outputs written to the staging directory; null when it failed (said on err). */
  static RunReport run(
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
    RunWarnings.noTraffic(options, spec, source, err);
    if (evolution == null) {
      evolution =
          EvolutionPlan.ofAutoscaleOrSchedule(
              new Version(file == null ? Path.of(loaded.name()) : file, loaded));
    }
    String zipkin = RunWarnings.zipkin(spec, source, err);
    RunReport report;
    StatsSnapshot stats;
    SpanExporter spans;
    String vizceral;
    try (LocalRun run = new LocalRun(loaded, options, console, outputs.staging(), zipkin);
        LiveView live =
            run.liveWiring()
                .startView(run.vertx(), run.process().stats(), run.clock(), view, err)) {
      if (live == null) {
        return null;
      }
      if (live.url() != null) {
        console.event("view: " + live.url());
      }
      if (!OpenFileChecks.fits(run, options, evolution, err)) {
        return null;
      }
      console.event(
          "simianviz run: "
              + loaded.name()
              + ", "
              + run.totalInstances()
              + " instances, outputs in "
              + outputs.target()
              + (zipkin == null ? "" : ", spans also to " + zipkin));
      OpenFileChecks.smallPools(run, console);
      if (!experiments.isEmpty()) {
        run.withoutMonkey();
      }
      RunEvolutionHost evolutionHost = null;
      if (evolution != null) {
        evolutionHost = run.evolutionHost();
        run.planFor(evolution.instancesPerTier(evolutionHost.expansion()));
      }
      if (!started(run, err)) {
        return null;
      }
      ProgressLine progress = new ProgressLine(run);
      OpenFileWatch files = OpenFileWatch.ofThisProcess();
      long timer =
          run.vertx()
              .setPeriodic(
                  options.progressEvery().toMillis(),
                  id -> {
                    console.status(progress.now());
                    String warning = files.check();
                    if (warning != null) {
                      console.event(warning);
                    }
                  });
      ExperimentRunner chaos = null;
      if (!experiments.isEmpty()) {
        ExperimentHost host = run.experimentHost();
        chaos = new ExperimentRunner(host, experiments, ChaosGuard.of(spec), options.seed());
        ran[0] = chaos;
        Duration delay = options.warmup().isZero() ? LocalRuntime.EXPERIMENTS_AFTER : Duration.ZERO;
        console.event(
            ExperimentPlanLine.of(experiments, delay, host.settleLagMillis(), options.duration()));
        chaos.start(delay);
      }
      Evolution evolving = null;
      if (evolution != null) {
        evolving = new Evolution(evolutionHost, evolution, options.warmup().isZero());
        evolving.start();
      }
      RunEnd.await(options, chaos, stop, console);
      if (evolving != null) {
        RunEnd.awaitVersions(evolving, evolution.watched() == null, stop, console);
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
    RunWarnings.spans(spans, zipkin, err);
    return report;
  }

  /** Starts the run; false when it could not (said on err). */
  private static boolean started(LocalRun run, PrintStream err) throws Exception {
    try {
      run.start();
      return true;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      err.println(
          "simianviz run: "
              + (cause instanceof StartFailure f
                  ? f.userMessage()
                  : "could not start every instance: " + cause.getMessage()));
      return false;
    } catch (TimeoutException e) {
      err.println("simianviz run: not every instance started within 120 s; try a lower --scale");
      return false;
    }
  }
}
