package io.simianviz.cli;

import io.simianviz.model.validation.Problem;
import java.nio.file.Path;
import java.util.List;

/** Problems with one input file, reported as {@code FILE: path: message} lines. */
final class InputFileException extends RuntimeException {
  private final transient Path file;
  private final transient List<Problem> problems;

  InputFileException(Path file, List<Problem> problems) {
    super(file + ": " + problems);
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  Path file() {
    return file;
  }

  List<Problem> problems() {
    return problems;
  }
}
