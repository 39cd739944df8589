package io.simianviz.cli;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Converts other formats into an Architecture custom resource. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Convert an architecture from another format into an Architecture resource.",
    subcommands = {ImportCommand.Spigo.class})
final class ImportCommand {

  @Command(
      name = "spigo",
      mixinStandardHelpOptions = true,
      description =
          "Print a spigo architecture JSON as Architecture YAML, ready for kubectl apply.")
  static final class Spigo implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A spigo architecture JSON file.")
    Path file;

    @Override
    public Integer call() throws Exception {
      LoadedArchitecture loaded = ArchitectureInput.load(file, spec.commandLine().getErr());
      spec.commandLine().getOut().print(ArchitectureFiles.toYaml(loaded.architecture()));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
