package io.simianviz.cli;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.validation.ArchitectureValidator;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import io.simianviz.model.validation.ValidationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads and validates a FILE argument the same way for every command. */
final class ArchitectureInput {
  private ArchitectureInput() {}

  /**
   * Reads and validates a file, printing warnings to {@code err}.
   *
   * @throws InputFileException listing every problem when the file is invalid
   */
  static LoadedArchitecture load(Path file, PrintWriter err) throws IOException {
    return load(file, err, ExpansionOptions.NONE);
  }

  /**
   * Reads a file and validates it with the command line's --scale and --regions applied, so a tier
   * that they scale below one instance is reported as it is for the spec's own scale.
   */
  static LoadedArchitecture load(Path file, PrintWriter err, ExpansionOptions overrides)
      throws IOException {
    LoadedArchitecture loaded;
    try {
      loaded = ArchitectureFiles.read(file);
    } catch (InvalidArchitectureException e) {
      throw new InputFileException(file, e.problems());
    }
    overrides.applyTo(loaded.architecture().getSpec());
    ValidationResult result = ArchitectureValidator.validate(loaded.architecture().getSpec());
    for (Problem warning : result.warnings()) {
      err.println(file + ": warning: " + warning);
    }
    err.flush();
    if (!result.isValid()) {
      throw new InputFileException(file, result.errors());
    }
    return loaded;
  }
}
