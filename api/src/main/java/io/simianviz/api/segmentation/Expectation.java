package io.simianviz.api.segmentation;

import java.util.Locale;

/** What a probe along an edge should find once the NetworkPolicies are in force. */
public enum Expectation {
  /** A declared edge: the caller's pods must connect. */
  REACHABLE,
  /** An edge nobody declared: the NetworkPolicies must drop it (the connect times out). */
  BLOCKED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
