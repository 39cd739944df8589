package io.simianviz.local;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.chaos.ExperimentChecks;
import io.simianviz.local.chaos.ExperimentRunner;
import io.simianviz.local.chaos.PlannedExperiment;
import io.simianviz.local.evolution.EvolutionPlan;
import io.simianviz.local.host.OutputDir;
import io.simianviz.local.host.StopHook;
import io.simianviz.local.host.Terminal;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.model.spec.ArchitectureSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
    try (StopHook hook = StopHook.install()) {
      return runUntil(
          loaded, file, options, experiments, view, evolution, console, System.err, hook.stop());
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
          StagedRun.run(
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

  /**
   * Why the experiments cannot run on this architecture, or null: an architectureRef naming another
   * architecture, or no traffic to judge them by.
   */
  static String experimentProblem(
      LoadedArchitecture loaded, RunOptions options, List<PlannedExperiment> experiments) {
    ArchitectureSpec spec = loaded.architecture().getSpec();
    return ExperimentChecks.problem(loaded.name(), spec, options.sendsTraffic(spec), experiments);
  }
}
