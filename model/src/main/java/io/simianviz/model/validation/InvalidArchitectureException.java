package io.simianviz.model.validation;

import java.util.List;

/** Input that cannot become an architecture; carries every problem found. */
public class InvalidArchitectureException extends InvalidInputException {
  public InvalidArchitectureException(List<Problem> problems) {
    super(problems);
  }

  public InvalidArchitectureException(String path, String message) {
    super(path, message);
  }
}
