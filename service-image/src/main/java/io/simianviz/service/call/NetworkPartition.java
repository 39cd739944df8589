package io.simianviz.service.call;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The instances of one process cut off from the network while still running: the local runtime's
 * {@code isolate} outage, as a NetworkPolicy that drops their traffic would be on a cluster. A call
 * attempt from an isolated instance, or to one, gets no answer and fails as a timeout ({@link
 * DependencyClient}). Traffic sources stand for the users outside the architecture: their own calls
 * are never cut, but their calls to an isolated instance are.
 *
 * <p>Instances are named as discovery names them ({@link
 * io.simianviz.service.discovery.Endpoint#instance}). The set is immutable and replaced on every
 * change (rare: chaos), so a call pays one volatile read of an empty set when nothing is isolated.
 */
public final class NetworkPartition {
  private volatile Set<String> isolated = Set.of();
  private final LongAdder blackholed = new LongAdder();

  /** Cuts these instances off; those already isolated stay so. */
  public synchronized void isolate(Collection<String> names) {
    Set<String> next = new HashSet<>(isolated);
    next.addAll(names);
    isolated = Set.copyOf(next);
  }

  /** Reconnects these instances; names not isolated are ignored. */
  public synchronized void heal(Collection<String> names) {
    Set<String> next = new HashSet<>(isolated);
    names.forEach(next::remove);
    isolated = Set.copyOf(next);
  }

  public boolean isIsolated(String name) {
    Set<String> now = isolated;
    return !now.isEmpty() && now.contains(name);
  }

  /** The instances isolated now. */
  public Set<String> isolated() {
    return isolated;
  }

  /**
   * Whether a call attempt between these two is lost in the partition, counting it if so.
   *
   * @param caller the calling instance, or null for a traffic source (never cut off itself)
   */
  boolean cuts(String caller, String target) {
    Set<String> now = isolated;
    if (now.isEmpty() || !(now.contains(target) || (caller != null && now.contains(caller)))) {
      return false;
    }
    blackholed.increment();
    return true;
  }

  /** Call attempts that went into the partition since start. */
  public long blackholed() {
    return blackholed.sum();
  }
}
