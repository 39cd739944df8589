package io.simianviz.local.host;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Warns on the console when the run nears the open-file limit under load. The start-up check
 * ({@link FileDescriptorBudget#problem}) covers the listeners; connections open with the load, and
 * past the limit new ones fail, which would otherwise show only as errors and ejected instances.
 * One warning per approach: it warns at 90% and again only after use fell below 80%.
 */
public final class OpenFileWatch {
  static final double WARN_AT = 0.9;
  static final double REARM_BELOW = 0.8;

  private final Supplier<OptionalLong> open;
  private final OptionalLong limit;
  private boolean warned;

  OpenFileWatch(Supplier<OptionalLong> open, OptionalLong limit) {
    this.open = open;
    this.limit = limit;
  }

  /** Watches this process. */
  public static OpenFileWatch ofThisProcess() {
    return new OpenFileWatch(FileDescriptorBudget::openFiles, FileDescriptorBudget.limit());
  }

  /** The warning to print now, or null. */
  public String check() {
    OptionalLong now = open.get();
    if (limit.isEmpty() || now.isEmpty() || limit.getAsLong() <= 0) {
      return null;
    }
    double used = (double) now.getAsLong() / limit.getAsLong();
    if (used < REARM_BELOW) {
      warned = false;
    }
    if (used < WARN_AT || warned) {
      return null;
    }
    warned = true;
    return String.format(
        "open files: %d of the %d this process may open; past the limit new connections between"
            + " instances fail (raise ulimit -n, or lower --rate or --scale)",
        now.getAsLong(), limit.getAsLong());
  }
}
