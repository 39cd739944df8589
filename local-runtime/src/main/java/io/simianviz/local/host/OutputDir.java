package io.simianviz.local.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Where a run's outputs go. They are written to a hidden staging directory next to the destination
 * and moved into place only when the run ends, so a run that fails leaves whatever was there
 * untouched, and a reader never sees outputs of two runs mixed.
 *
 * <p>Two layouts: a directory the user names (refused when it already holds files, unless told to
 * replace them), and a directory of runs, one per run named by its start time, with a {@code
 * latest} link to the newest.
 */
public final class OutputDir {
  /** The name of the link to the newest run in a directory of runs. */
  public static final String LATEST = "latest";

  private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path target;
  private final Path staging;
  private final Path latest;
  private final boolean reservedTarget;

  private OutputDir(Path target, Path staging, Path latest, boolean reservedTarget) {
    this.target = target;
    this.staging = staging;
    this.latest = latest;
    this.reservedTarget = reservedTarget;
  }

  /** Why a run cannot write its outputs where it was asked to; the message is for the user. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Outputs for the directory {@code dir}, which must be absent or empty unless {@code replace}.
   * With {@code replace} the run's files replace those of the same name when the run ends; other
   * files in the directory are left alone.
   */
  public static OutputDir into(Path dir, boolean replace) throws Refused {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new Refused(dir + " is a file, not a directory; choose another --out");
    }
    if (!replace && holdsFiles(target)) {
      throw new Refused(
          dir
              + " already holds files (an earlier run's outputs?) and is left as it is; choose"
              + " another --out, or add --force to replace the outputs in it");
    }
    return new OutputDir(target, staging(dir, target), null, false);
  }

  /**
   * Outputs for a new directory in {@code runs}, named by the time the run started ({@code
   * 20250102-150405}, with {@code -2}, {@code -3}... when several start in one second), and a
   * {@code latest} link in {@code runs} that points to it once the run ends.
   */
  public static OutputDir newRunIn(Path runs, LocalDateTime startedAt) throws Refused {
    Path base = runs.toAbsolutePath().normalize();
    String name = RUN_NAME.format(startedAt);
    try {
      Files.createDirectories(base);
      for (int n = 1; ; n++) {
        Path target = base.resolve(n == 1 ? name : name + "-" + n);
        try {
          // Made now, empty, so a run starting in the same second takes the next name.
          Files.createDirectory(target);
          return new OutputDir(target, staging(runs, target), base.resolve(LATEST), true);
        } catch (FileAlreadyExistsException taken) {
          // another run's; try the next name
        }
      }
    } catch (IOException e) {
      throw new Refused("cannot create a run directory in " + runs + ": " + OutputFiles.reason(e));
    }
  }

  /** The final directory. */
  public Path target() {
    return target;
  }

  /** Where the run writes its outputs until it ends. */
  public Path staging() {
    return staging;
  }

  /** The link to the newest run, or null when the outputs go to a directory of their own. */
  public Path latest() {
    return latest;
  }

  /**
   * Moves the outputs into place: the staging directory becomes the target when there is none, else
   * each file replaces the one of its name (each move atomic). Then the latest link, if any, points
   * to the target; a link that cannot be made is reported, not fatal.
   *
   * @return a problem with the latest link, or null
   */
  public String commit() throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      OutputFiles.move(staging, target);
    } else {
      try (Stream<Path> files = Files.list(staging)) {
        for (Path f : files.toList()) {
          OutputFiles.move(f, target.resolve(f.getFileName().toString()));
        }
      }
      Files.delete(staging);
    }
    return latest == null ? null : LatestLink.point(latest, target);
  }

  /** Deletes what the run wrote; the target is left as it was before the run. */
  public void discard() {
    OutputFiles.deleteTree(staging);
    if (reservedTarget) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException notEmpty) {
        // someone put something there: leave it
      }
    }
  }

  /** A new hidden directory beside the target (same file system, so the final move is a rename). */
  private static Path staging(Path asGiven, Path target) throws Refused {
    Path parent = target.getParent();
    if (parent == null) {
      throw new Refused(asGiven + " is the root directory; choose another --out");
    }
    try {
      Files.createDirectories(parent);
      // Not Files.createTempDirectory: its directory is private (0700), and this one becomes the
      // outputs; made like any directory, it gets the user's usual permissions.
      while (true) {
        Path staging =
            parent.resolve(
                "."
                    + target.getFileName()
                    + ".partial-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        try {
          return Files.createDirectory(staging);
        } catch (FileAlreadyExistsException taken) {
          // another run's; draw again
        }
      }
    } catch (IOException e) {
      throw new Refused("cannot write outputs next to " + asGiven + ": " + OutputFiles.reason(e));
    }
  }

  private static boolean holdsFiles(Path dir) throws Refused {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return entries.iterator().hasNext();
    } catch (IOException e) {
      throw new Refused("cannot read " + dir + ": " + OutputFiles.reason(e));
    }
  }
}
