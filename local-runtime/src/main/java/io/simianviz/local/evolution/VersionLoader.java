package io.simianviz.local.evolution;

import io.simianviz.model.spec.ArchitectureSpec;
import java.nio.file.Path;

/** Reads and validates a saved version of the watched file (the command line's own checks). */
@FunctionalInterface
public interface VersionLoader {
  /**
   * Reads {@code file} and checks it as the next version of {@code running}.
   *
   * @throws Rejected with one line saying what is wrong, naming the file
   */
  Version load(Path file, ArchitectureSpec running) throws Rejected;

  /** A version that cannot be applied; its message is one line. */
  final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    public Rejected(String oneLine) {
      super(oneLine);
    }
  }
}
