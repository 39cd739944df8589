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

/** Reads and checks a {@code --experiment} file against the architecture it is to run on. */
final class ExperimentInput {
  private ExperimentInput() {}

  /**
   * Reads an experiment file and checks it, alone and against the architecture; warnings (a guard
   * that will refuse it) go to {@code err}.
   *
   * @throws InputFileException listing every problem when it cannot run on this architecture
   */
  static PlannedExperiment load(Path file, LoadedArchitecture architecture, PrintWriter err)
      throws IOException {
    ChaosExperiment experiment;
    try {
      experiment = ChaosExperimentFiles.read(file);
    } catch (InvalidInputException e) {
      throw new InputFileException(file, e.problems());
    }
    ValidationResult result =
        ChaosExperimentValidator.validate(
            experiment.getSpec(), architecture.name(), architecture.architecture().getSpec());
    for (Problem warning : result.warnings()) {
      err.println(file + ": warning: " + warning);
    }
    err.flush();
    if (!result.isValid()) {
      throw new InputFileException(file, result.errors());
    }
    return new PlannedExperiment(
        file.toString(), experiment.getMetadata().getName(), experiment.getSpec());
  }
}
