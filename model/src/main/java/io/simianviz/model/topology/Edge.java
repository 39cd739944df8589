package io.simianviz.model.topology;

/** A tier-level dependency: {@code from} calls {@code to} (equal for peer replication). */
public record Edge(String from, String to) {
  public boolean selfEdge() {
    return from.equals(to);
  }
}
