package io.simianviz.service;

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

  void called(String caller, Endpoint callee) {
    Listener l = listener;
    if (l == null) {
      return;
    }
    Pair pair = new Pair(caller, callee.instance());
    // Almost every call is to a pair seen before: a read, unlike add(), takes no lock.
    if (!seen.contains(pair) && seen.add(pair)) {
      l.firstCall(caller, callee);
    }
  }

  /** How many distinct pairs have been seen. */
  public int size() {
    return seen.size();
  }
}
