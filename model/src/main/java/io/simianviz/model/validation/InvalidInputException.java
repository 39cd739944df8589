package io.simianviz.model.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be used: an architecture, a chaos experiment; carries every problem found, each
 * one line naming its field.
 */
public class InvalidInputException extends RuntimeException {
  private final transient List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String path, String message) {
    this(List.of(new Problem(path, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
