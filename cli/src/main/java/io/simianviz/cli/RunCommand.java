package io.simianviz.cli;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.LocalRuntime;
import io.simianviz.local.RunOptions;
import io.simianviz.local.chaos.PlannedExperiment;
import io.simianviz.local.evolution.EvolutionPlan;
import io.simianviz.local.evolution.Version;
import io.simianviz.local.host.Terminal;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.model.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs an architecture on this machine: the local runtime. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run an architecture on this machine: every instance a real server on its own loopback"
          + " address, with traffic, chaos, traces and histograms.",
      "Outputs go to --out: summary.json, graph.json (spigo-0.4), spans.json (Zipkin v2),"
          + " histograms.txt and histograms.csv, moved there when the run ends."
    })
final class RunCommand implements Callable<Integer> {
  static final String AUTO_WARMUP = "auto";
  private static final Duration MAX_AUTO_WARMUP = Duration.ofSeconds(10);

  /** How long an automatic warm-up may go on while requests still fail (a busy machine). */
  private static final Duration AUTO_WARMUP_UP_TO = Duration.ofSeconds(60);

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description =
          "Architecture (YAML/JSON) or spigo JSON; or a folder of versions of one architecture,"
              + " applied in name order to the running one (see --step-every).")
  Path file;

  @Option(
      names = "--duration",
      description =
          "How long traffic runs, e.g. 20s, 5m; 0 runs until Ctrl-C. Default 30s; for a folder,"
              + " its versions times --step-every.")
  String duration;

  @Option(
      names = "--step-every",
      paramLabel = "D",
      description =
          "With a folder: how long each version runs before the next is applied, e.g. 30s."
              + " Default 30s.")
  String stepEvery;

  @Option(
      names = "--watch",
      description =
          "Apply every saved change of FILE to the running architecture; a change that is not"
              + " valid is reported and ignored.")
  boolean watch;

  @Mixin ExpansionMixin expansion;

  @Option(
      names = "--warmup",
      defaultValue = AUTO_WARMUP,
      description =
          "Traffic before the measured --duration, left out of every figure (lets the JIT"
              + " compile first), e.g. 20s; 0 measures from a cold start. Default ${DEFAULT-VALUE}:"
              + " 10s, longer while requests still fail (at most 60s); a quarter of a --duration"
              + " shorter than 10s.")
  String warmup;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description =
          "Requests/s per traffic source, 0 or more (0: no traffic); default: the spec's"
              + " traffic.rate, else 100.")
  Double rate;

  @Option(
      names = "--sample-rate",
      paramLabel = "F",
      description =
          "Fraction of traces recorded in spans.json, 0 to 1; default: the spec's"
              + " tracing.sampleRate, else 1. Lower it for throughput runs.")
  Double sampleRate;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Output directory, refused when it holds files unless --force; default: a new"
              + " directory per run in ./simianviz-out/<arch>, with a link 'latest' to the newest.")
  Path out;

  @Option(
      names = "--force",
      description = "Replace the outputs of an earlier run in --out (other files stay).")
  boolean force;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for victims and request mix.")
  long seed;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description =
          "Port of every instance, each on its own 127.x.y.z address; 0 picks free ports."
              + " Default ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--experiment",
      paramLabel = "EXP.yaml",
      description =
          "A ChaosExperiment file (the same YAML as on a cluster; repeatable). Experiments run one"
              + " after another from the start of the measured --duration, the run lasting until"
              + " the last verdict; the architecture's own monkey is off. Exit 3 when one did not"
              + " pass (Fail, Refused or stopped).")
  List<Path> experiments = new ArrayList<>();

  @Option(
      names = "--ui",
      paramLabel = "PORT",
      defaultValue = "0",
      description =
          "Port of the live view on 127.0.0.1 (its address is the first line printed); 0 picks"
              + " a free one. Default ${DEFAULT-VALUE}.")
  int uiPort;

  @Option(names = "--no-ui", description = "Do not serve the live view.")
  boolean noUi;

  @Override
  public Integer call() throws Exception {
    if (uiPort < 0 || uiPort > 65_535) {
      throw new ParameterException(
          spec.commandLine(), "--ui: must be between 0 and 65535 (was " + uiPort + ")");
    }
    boolean folder = Files.isDirectory(file);
    if (folder && watch) {
      throw new ParameterException(
          spec.commandLine(), "--watch: takes one file, not a folder (" + file + ")");
    }
    if (!folder && stepEvery != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--step-every: only with a folder of versions (" + file + " is a file)");
    }
    Duration every =
        folder ? duration("--step-every", stepEvery == null ? "30s" : stepEvery) : null;
    if (every != null && every.isZero()) {
      throw new ParameterException(
          spec.commandLine(), "--step-every: must be longer than 0 (was " + stepEvery + ")");
    }
    // What traffic.rate accepts: any number of requests per second, 0 or more.
    if (rate != null && !(rate >= 0 && Double.isFinite(rate))) {
      throw new ParameterException(
          spec.commandLine(), "--rate: must be 0 or more requests per second (was " + rate + ")");
    }
    if (sampleRate != null && !(sampleRate >= 0 && sampleRate <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--sample-rate: must be between 0 and 1 (was " + sampleRate + ")");
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(
          spec.commandLine(), "--port: must be between 0 and 65535 (was " + port + ")");
    }
    if (force && out == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--force: only with --out (without it every run gets a directory of its own)");
    }
    // Options first: a bad one is refused before any file is read.
    Duration givenDuration = duration == null ? null : duration("--duration", duration);
    Duration givenWarmup = AUTO_WARMUP.equals(warmup) ? null : duration("--warmup", warmup);
    EvolutionPlan evolution = null;
    LoadedArchitecture loaded;
    if (folder) {
      List<Version> versions =
          Versions.folder(file, spec.commandLine().getErr(), expansion.options());
      evolution = EvolutionPlan.folder(versions, every);
      loaded = versions.getFirst().loaded();
    } else {
      loaded = ArchitectureInput.load(file, spec.commandLine().getErr(), expansion.options());
      if (watch) {
        evolution =
            EvolutionPlan.watch(
                new Version(file, loaded), file, Versions.loader(expansion.options()));
      }
    }
    Duration runFor =
        givenDuration != null
            ? givenDuration
            : evolution != null && evolution.watched() == null
                ? evolution.folderDuration()
                : Duration.ofSeconds(30);
    Duration warmFor = givenWarmup != null ? givenWarmup : autoWarmup(runFor);
    Duration warmUpTo =
        givenWarmup == null && warmFor.equals(MAX_AUTO_WARMUP) ? AUTO_WARMUP_UP_TO : warmFor;
    List<PlannedExperiment> planned = new ArrayList<>();
    for (Path e : experiments) {
      planned.add(ExperimentInput.plan(e, loaded, spec.commandLine().getErr()));
    }
    boolean runDirectories = out == null;
    Path outDir = runDirectories ? Path.of("simianviz-out", loaded.name()) : out;
    RunOptions options =
        new RunOptions(
            runFor,
            expansion.scale,
            expansion.regions,
            rate,
            sampleRate,
            outDir,
            seed,
            port,
            warmFor,
            Duration.ofSeconds(Terminal.attached() ? 1 : 5),
            Duration.ofSeconds(3),
            force,
            runDirectories,
            warmUpTo);
    return LocalRuntime.run(
        loaded, options, file, planned, new ViewOptions(!noUi, uiPort), evolution);
  }

  /**
   * The default warm-up: the first seconds of a JVM run interpreted code while the JIT compiles the
   * hop path (a cold netflixoss run measured a p99 of 651 ms against 13 ms warmed up, and a cold
   * --scale 10000 start on a busy machine timed out calls while its connections were being set up),
   * so by default they are shown as a warm-up and left out of the figures, and the warm-up goes on
   * while requests still fail (up to {@link #AUTO_WARMUP_UP_TO}). A run shorter than the warm-up (a
   * smoke test) warms up for a quarter of its length, no longer.
   */
  static Duration autoWarmup(Duration runFor) {
    return runFor.isZero() || runFor.compareTo(MAX_AUTO_WARMUP) >= 0
        ? MAX_AUTO_WARMUP
        : runFor.dividedBy(4);
  }

  /** A duration option's value ({@code 0} or e.g. {@code 20s}); a bad one is a usage error. */
  private Duration duration(String option, String value) {
    try {
      return "0".equals(value) ? Duration.ZERO : Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
