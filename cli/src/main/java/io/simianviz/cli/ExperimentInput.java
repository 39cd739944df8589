package io.simianviz.cli;

import io.simianviz.api.io.ChaosExperimentFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.validation.ChaosExperimentValidator;
import io.simianviz.local.chaos.PlannedExperiment;
import io.simianviz.model.validation.InvalidInputException;
import io.simianviz.model.validation.Problem;
import io.simianviz.model.validation.ValidationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads and validates a ChaosExperiment file the same way for every command. */
final class ExperimentInput {
  private ExperimentInput() {}

  /**
   * Reads and validates a file, printing warnings to {@code err}.
   *
   * @param architecture the architecture to check the target against, or null for none
   * @throws InputFileException listing every problem when the file is invalid
   */
  static ChaosExperiment load(Path file, PrintWriter err, LoadedArchitecture architecture)
      throws IOException {
    ChaosExperiment experiment;
    try {
      experiment = ChaosExperimentFiles.read(file);
    } catch (InvalidInputException e) {
      throw new InputFileException(file, e.problems());
    }
    ValidationResult result =
        architecture == null
            ? ChaosExperimentValidator.validate(experiment.getSpec())
            : ChaosExperimentValidator.validate(
                experiment.getSpec(), architecture.name(), architecture.architecture().getSpec());
    for (Problem warning : result.warnings()) {
      err.println(file + ": warning: " + warning);
    }
    err.flush();
    if (!result.isValid()) {
      throw new InputFileException(file, result.errors());
    }
    return experiment;
  }

  /** Reads an experiment file for {@code run --experiment}, checked against the architecture. */
  static PlannedExperiment plan(Path file, LoadedArchitecture architecture, PrintWriter err)
      throws IOException {
    ChaosExperiment experiment = load(file, err, architecture);
    return new PlannedExperiment(
        file.toString(), experiment.getMetadata().getName(), experiment.getSpec());
  }
}
