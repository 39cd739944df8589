package io.simianviz.service.call;

import io.simianviz.service.discovery.Endpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pairs of instances that have called each other, each reported once when its first call goes
 * out: the instance-level edges of the architecture graph as they really happened. Declared
 * dependencies expanded to every pair of instances would be quadratic (2.6 million edges for
 * netflixoss at scale 10000, a 440 MB graph); the calls made are bounded by the traffic.
 */
public final class InstanceLinks {
  /** Told of each new caller-callee pair, on the caller's event loop. */
  @FunctionalInterface
  public interface Listener {
    void firstCall(String caller, Endpoint callee);
  }

  private record Pair(String caller, String callee) {}

  private final Set<Pair> seen = ConcurrentHashMap.newKeySet();
  private volatile Listener listener;

  /** Starts telling a listener of new pairs (pairs seen before are not repeated). */
  public void onFirstCall(Listener newListener) {
    this.listener = newListener;
  }

  /**
   * Reports a call; callers remember the callees reported, so this sees each pair about once.
   *
   * @return whether the pair is now recorded: false while no one listens
   */
  boolean called(String caller, Endpoint callee) {
    Listener l = listener;
    if (l == null) {
      return false;
    }
    if (seen.add(new Pair(caller, callee.instance()))) {
      l.firstCall(caller, callee);
    }
    return true;
  }

  /** How many distinct pairs have been seen. */
  public int size() {
    return seen.size();
  }
}
