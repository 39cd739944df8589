package io.simianviz.cli;

import io.simianviz.model.topology.ExpansionOptions;
import picocli.CommandLine.Option;

/** spigo's -p and -w, shared by every command that expands an architecture. */
final class ExpansionMixin {
  @Option(
      names = "--scale",
      paramLabel = "PERCENT",
      description = "Percentage applied to every tier's count (spigo -p); default: the spec's.")
  Integer scale;

  @Option(
      names = "--regions",
      paramLabel = "N",
      description = "Number of regions (spigo -w); default: the spec's regionCount.")
  Integer regions;

  ExpansionOptions options() {
    return new ExpansionOptions(scale, regions);
  }
}
