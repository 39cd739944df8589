package io.simianviz.cli;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.TopologyExpander;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks files and reports every problem of every file, not just the first. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check Architecture (YAML/JSON) or spigo JSON files.",
      "Exit 0 when all are valid (warnings on stderr), 1 with every problem listed otherwise."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    int invalid = 0;
    for (Path file : files) {
      try {
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
      } catch (InputFileException e) {
        e.problems().forEach(p -> spec.commandLine().getErr().println(file + ": " + p));
        invalid++;
      }
    }
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return invalid == 0 ? 0 : Simianviz.INVALID_INPUT;
  }
}
