package io.simianviz.operator;

import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.DnsNames;
import io.simianviz.model.validation.ArchitectureValidator;
import io.simianviz.model.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What is wrong with an Architecture the API server admitted: the validator's errors (the same
 * checks and messages as {@code simianviz validate}), and a name that is not a DNS label (the API
 * server allows dots and 253 characters; every object and label derives from the name).
 */
final class SpecProblems {
  private SpecProblems() {}

  static List<Problem> of(Architecture architecture) {
    List<Problem> problems = new ArrayList<>();
    String name = architecture.getMetadata().getName();
    if (!DnsNames.isLabel(name)) {
      problems.add(
          new Problem(
              "metadata.name",
              "\""
                  + name
                  + "\" is not a valid name (lower-case letters, digits and '-', starting with a"
                  + " letter, at most 63 characters)"));
    }
    problems.addAll(ArchitectureValidator.validate(architecture.getSpec()).errors());
    return problems;
  }

  /** The condition and event message: every problem as {@code path: message}, joined by "; ". */
  static String message(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
  }
}
