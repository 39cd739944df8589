package io.simianviz.model.validation;

import java.util.List;

/** Every error and warning found at once, so a user fixes a file in one pass. */
public record ValidationResult(List<Problem> errors, List<Problem> warnings) {
  public ValidationResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
