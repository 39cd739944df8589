package io.simianviz.cli;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.local.evolution.Version;
import io.simianviz.local.evolution.VersionLoader;
import io.simianviz.model.evolution.TransitionPlanner;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.InvalidInputException;
import io.simianviz.model.validation.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The versions of one architecture that {@code run} applies while it runs: a folder's files, or the
 * saved changes of a watched file. Each is read and validated as {@code validate} does.
 */
final class Versions {
  private Versions() {}

  /**
   * Every architecture file of {@code dir} (.yaml, .yml, .json), in name order, all read and
   * checked before anything starts: each valid, all of one architecture (metadata.name), and each
   * one a version the one before can be moved to (no tier removed while still called).
   *
   * @throws InvalidInputException with one line per problem, each naming its file
   */
  static List<Version> folder(Path dir, PrintWriter err, ExpansionOptions options)
      throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir)) {
      files =
          listed
              .filter(Files::isRegularFile)
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                  })
              .sorted()
              .toList();
    }
    List<Problem> problems = new ArrayList<>();
    if (files.isEmpty()) {
      problems.add(
          new Problem(dir.toString(), "holds no architecture file (.yaml, .yml or .json)"));
      throw new InvalidInputException(problems);
    }
    List<Version> versions = new ArrayList<>();
    ArchitectureSpec previous = null;
    for (Path f : files) {
      // A tier removed while the version still calls it: said as such, not as an unknown tier.
      ArchitectureSpec raw = rawSpec(f);
      List<Problem> stillCalled =
          previous == null || raw == null
              ? List.of()
              : TransitionPlanner.removedButCalled(previous, raw);
      previous = raw;
      if (!stillCalled.isEmpty()) {
        stillCalled.forEach(p -> problems.add(inFile(f, p)));
        continue;
      }
      try {
        versions.add(new Version(f, ArchitectureInput.load(f, err, options)));
      } catch (InputFileException e) {
        e.problems().forEach(p -> problems.add(inFile(f, p)));
      } catch (IOException e) {
        problems.add(new Problem(f.toString(), "cannot read: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String name = versions.getFirst().loaded().name();
    for (Version v : versions) {
      if (!v.loaded().name().equals(name)) {
        problems.add(
            new Problem(
                v.file() + ": metadata.name",
                "\""
                    + v.loaded().name()
                    + "\" is not \""
                    + name
                    + "\" of "
                    + versions.getFirst().file()
                    + "; the files of a folder are versions of one architecture"));
      }
    }
    for (int i = 1; i < versions.size() && problems.isEmpty(); i++) {
      Version from = versions.get(i - 1);
      Version to = versions.get(i);
      try {
        TransitionPlanner.plan(name, from.spec(), to.spec(), options);
      } catch (InvalidArchitectureException e) {
        e.problems().forEach(p -> problems.add(inFile(to.file(), p)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return versions;
  }

  /** Reads a saved change of a watched file; what is wrong with it is one line. */
  static VersionLoader loader(ExpansionOptions options) {
    return (file, running) -> {
      StringWriter warnings = new StringWriter();
      ArchitectureSpec raw = rawSpec(file);
      List<Problem> stillCalled =
          raw == null || running == null
              ? List.of()
              : TransitionPlanner.removedButCalled(running, raw);
      if (!stillCalled.isEmpty()) {
        throw new VersionLoader.Rejected(
            stillCalled.stream()
                .map(p -> inFile(file, p).toString())
                .collect(Collectors.joining("; ")));
      }
      try {
        return new Version(file, ArchitectureInput.load(file, new PrintWriter(warnings), options));
      } catch (InputFileException e) {
        throw new VersionLoader.Rejected(
            e.problems().stream()
                .map(p -> inFile(file, p).toString())
                .collect(Collectors.joining("; ")));
      } catch (InvalidArchitectureException e) {
        throw new VersionLoader.Rejected(file + ": " + e.problems());
      } catch (IOException | RuntimeException e) {
        throw new VersionLoader.Rejected(file + ": cannot read: " + e.getMessage());
      }
    };
  }

  /** The spec of a file as written (before validation), or null when it cannot be read. */
  private static ArchitectureSpec rawSpec(Path file) {
    try {
      return ArchitectureFiles.read(file).architecture().getSpec();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Problem inFile(Path file, Problem p) {
    return new Problem(p.path().isEmpty() ? file.toString() : file + ": " + p.path(), p.message());
  }
}
