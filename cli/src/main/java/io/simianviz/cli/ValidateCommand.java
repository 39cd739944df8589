package io.simianviz.cli;

import io.simianviz.api.io.ChaosExperimentFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.ExperimentSettings;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.TopologyExpander;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks files and reports every problem of every file, not just the first. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check Architecture (YAML/JSON), spigo JSON or ChaosExperiment files (told apart by their"
          + " kind).",
      "Exit 0 when all are valid (warnings on stderr), 1 with every problem listed otherwise."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
  List<Path> files;

  @Option(
      names = "--architecture",
      paramLabel = "ARCH",
      description =
          "Architecture (YAML/JSON) or spigo JSON to check each ChaosExperiment's target against,"
              + " and its guards with every instance up; default: each experiment alone.")
  Path architectureFile;

  @Override
  public Integer call() throws Exception {
    LoadedArchitecture architecture =
        architectureFile == null
            ? null
            : ArchitectureInput.load(architectureFile, spec.commandLine().getErr());
    int invalid = 0;
    for (Path file : files) {
      try {
        if (ChaosExperimentFiles.isChaosExperiment(file)) {
          experiment(file, architecture);
        } else {
          architecture(file);
        }
      } catch (InputFileException e) {
        e.problems().forEach(p -> spec.commandLine().getErr().println(file + ": " + p));
        invalid++;
      }
    }
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return invalid == 0 ? 0 : Simianviz.INVALID_INPUT;
  }

  private void architecture(Path file) throws IOException {
    LoadedArchitecture loaded = ArchitectureInput.load(file, spec.commandLine().getErr());
    int instances =
        TopologyExpander.expand(
                loaded.name(), loaded.architecture().getSpec(), ExpansionOptions.NONE)
            .instances()
            .size();
    spec.commandLine()
        .getOut()
        .printf(
            "%s: valid %s \"%s\": %d tiers, %d instances%n",
            file,
            loaded.format() == LoadedArchitecture.Format.SPIGO
                ? "spigo architecture"
                : "Architecture",
            loaded.name(),
            loaded.architecture().getSpec().getServices().size(),
            instances);
  }

  private void experiment(Path file, LoadedArchitecture architecture) throws IOException {
    ChaosExperiment e = ExperimentInput.load(file, spec.commandLine().getErr(), architecture);
    spec.commandLine()
        .getOut()
        .printf(
            "%s: valid ChaosExperiment \"%s\": %s, %s%n",
            file,
            e.getMetadata().getName(),
            describe(e.getSpec()),
            architecture == null
                ? "target not checked (no --architecture)"
                : "target checked against Architecture \"" + architecture.name() + "\"");
  }

  /** What the experiment does, e.g. "gorilla stop on us-east-1/zoneA for 20 s". */
  private static String describe(ChaosExperimentSpec s) {
    ExperimentSettings settings = ExperimentSettings.of(s);
    StringBuilder what = new StringBuilder(s.getKind().value());
    if (s.getKind() != ChaosKind.MONKEY) {
      what.append(' ').append(settings.mode().value());
    }
    what.append(" on ");
    if (s.getRegion() != null) {
      what.append(s.getRegion()).append('/');
    }
    what.append(s.getTarget()).append(" for ").append(seconds(settings)).append(" s");
    if (settings.dryRun()) {
      what.append(" (dry run)");
    }
    if (s.getSchedule() != null && !s.getSchedule().isBlank()) {
      what.append(", on schedule '").append(s.getSchedule().strip()).append("' (UTC)");
    }
    return what.toString();
  }

  private static String seconds(ExperimentSettings settings) {
    long millis = settings.duration().toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }
}
