package io.simianviz.model.validation;

/**
 * One thing wrong with an architecture, located by a JSON path into the spec (e.g. {@code
 * services[2].dependencies[0]}).
 */
public record Problem(String path, String message) {
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
