package io.simianviz.local.evolution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file of {@code --watch}: each saved change is read and checked, and becomes the next version
 * to apply; a save that cannot be read, is not valid or is another architecture is said once on the
 * console and ignored, the running version going on. A change is read once it reads the same on two
 * looks in a row: an editor's save truncates the file before it writes it, and a look in between
 * would take the empty or half-written file for a bad save.
 */
final class WatchedFile {
  private final EvolutionHost host;
  private final Path file;
  private final VersionLoader loader;
  private String content;

  /** A change seen once, taken when the next look reads it again. */
  private String changing;

  private boolean unreadable;

  WatchedFile(EvolutionHost host, Path file, VersionLoader loader) {
    this.host = host;
    this.file = file;
    this.loader = loader;
    this.content = contentOrNull(file);
  }

  /**
   * The saved change to apply over {@code current}, or null: unchanged, unreadable, or a bad save
   * (said once and ignored).
   */
  Version savedChange(Version current) {
    String now = contentOrNull(file);
    if (now == null) {
      if (!unreadable) {
        host.event(
            String.format(
                Locale.ROOT,
                "%6.1fs watch: %s cannot be read now; %s goes on running",
                host.elapsedMillis() / 1000.0,
                file,
                current.label()));
      }
      unreadable = true;
      return null;
    }
    unreadable = false;
    if (now.equals(content)) {
      changing = null;
      return null;
    }
    if (!now.equals(changing)) {
      changing = now; // maybe still being written
      return null;
    }
    changing = null;
    content = now;
    Version next;
    try {
      next = loader.load(file, current.spec());
    } catch (VersionLoader.Rejected rejected) {
      ignored(rejected.getMessage(), current);
      return null;
    }
    if (!next.loaded().name().equals(current.loaded().name())) {
      ignored(
          file
              + ": metadata.name: \""
              + next.loaded().name()
              + "\" is not the running architecture \""
              + current.loaded().name()
              + "\"",
          current);
      return null;
    }
    return next;
  }

  /** A save (or a version) that cannot be applied: one console line, the run goes on. */
  static void ignored(EvolutionHost host, String why, Version current) {
    host.event(
        String.format(
            Locale.ROOT,
            "%6.1fs watch: %s (ignored; %s goes on running)",
            host.elapsedMillis() / 1000.0,
            why,
            current.label()));
  }

  private void ignored(String why, Version current) {
    ignored(host, why, current);
  }

  private static String contentOrNull(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return null;
    }
  }
}
