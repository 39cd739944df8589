package io.simianviz.local.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The {@code latest} link of a directory of runs. It is made under a hidden name and renamed over
 * the old one, so a reader following it finds the previous run or the new one, never no link.
 */
final class LatestLink {
  private LatestLink() {}

  /**
   * Points {@code latest} to {@code target}, relative to the link's directory. A path there that is
   * not a link is left alone.
   *
   * @return what went wrong, for the user, or null
   */
  static String point(Path latest, Path target) {
    Path relative = latest.getParent().relativize(target);
    if (Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(latest)) {
      return latest + " is not a link, so it was left alone";
    }
    Path fresh = latest.resolveSibling("." + OutputDir.LATEST + "-" + target.getFileName());
    try {
      Files.deleteIfExists(fresh);
      Files.createSymbolicLink(fresh, relative);
      OutputFiles.move(fresh, latest);
      return null;
    } catch (IOException | UnsupportedOperationException e) {
      OutputFiles.deleteQuietly(fresh);
      return "could not point "
          + latest
          + " to "
          + target.getFileName()
          + ": "
          + OutputFiles.reason(e);
    }
  }
}
