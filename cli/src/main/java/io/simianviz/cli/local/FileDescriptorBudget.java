package io.simianviz.cli.local;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/**
 * Every instance holds a listening socket, and both ends of each connection between instances live
 * in this process; refusing a run up front beats a crash half-way through.
 */
final class FileDescriptorBudget {
  /** A listener plus a few pooled connections' two ends, per instance, on average. */
  static final int PER_INSTANCE = 3;

  /** Files the JVM, the outputs and the traffic sources hold besides the instances. */
  static final int RESERVED = 300;

  private FileDescriptorBudget() {}

  static OptionalLong limit() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      return OptionalLong.of(unix.getMaxFileDescriptorCount());
    }
    return OptionalLong.empty();
  }

  /** Why {@code instances} cannot run here, or null when they can. */
  static String problem(int instances) {
    OptionalLong limit = limit();
    long needed = (long) instances * PER_INSTANCE + RESERVED;
    if (limit.isPresent() && needed > limit.getAsLong()) {
      return instances
          + " instances need about "
          + needed
          + " open files but this process may open "
          + limit.getAsLong()
          + "; raise the limit (ulimit -n) or lower --scale";
    }
    return null;
  }
}
