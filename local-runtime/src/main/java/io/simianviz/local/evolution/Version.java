package io.simianviz.local.evolution;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.spec.ArchitectureSpec;
import java.nio.file.Path;

/**
 * One version of the running architecture, as read from its file.
 *
 * @param file where it was read from
 */
public record Version(Path file, LoadedArchitecture loaded) {
  public ArchitectureSpec spec() {
    return loaded.architecture().getSpec();
  }

  /** The spec's own version field, else the file's name. */
  public String label() {
    String v = spec().getVersion();
    return v == null || v.isBlank() ? file.getFileName().toString() : v;
  }
}
