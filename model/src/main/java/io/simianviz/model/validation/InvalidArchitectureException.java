package io.simianviz.model.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot become an architecture; carries every problem found. */
public class InvalidArchitectureException extends RuntimeException {
  private final transient List<Problem> problems;

  public InvalidArchitectureException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public InvalidArchitectureException(String path, String message) {
    this(List.of(new Problem(path, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
