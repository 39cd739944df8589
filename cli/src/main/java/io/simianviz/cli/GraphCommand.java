package io.simianviz.cli;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.graph.GraphFormats;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.model.validation.InvalidArchitectureException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the expanded topology: instances with region and zone, and the edges. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print the expanded topology of an architecture.")
final class GraphCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    json,
    spigo,
    dot,
    vizceral
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Architecture (YAML/JSON) or spigo JSON.")
  Path file;

  @Mixin ExpansionMixin expansion;

  @Option(
      names = "--format",
      defaultValue = "json",
      description =
          "json (instances and tier edges), spigo (spigo-0.4 graph JSON), dot (Graphviz) or"
              + " vizceral (Vizceral's traffic JSON, volumes 0); default ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() throws Exception {
    LoadedArchitecture loaded =
        ArchitectureInput.load(file, spec.commandLine().getErr(), expansion.options());
    Topology topology;
    try {
      topology =
          TopologyExpander.expand(
              loaded.name(), loaded.architecture().getSpec(), expansion.options());
    } catch (InvalidArchitectureException e) {
      throw new InputFileException(file, e.problems());
    }
    String out =
        switch (format) {
          case json -> GraphFormats.json(topology);
          case dot -> GraphFormats.dot(topology);
          case vizceral -> GraphFormats.vizceral(topology, Instant.now());
          case spigo ->
              GraphFormats.spigo(
                  topology,
                  loaded.architecture().getSpec(),
                  String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                  Instant.now());
        };
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
