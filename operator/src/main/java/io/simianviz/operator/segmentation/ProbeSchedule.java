package io.simianviz.operator.segmentation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each architecture was last probed, in memory: probes run once per spec generation and again
 * after the re-check interval. After an operator restart every ready architecture is probed once
 * more, which is what a new leader should do anyway.
 */
final class ProbeSchedule {
  private record Run(long generation, Instant at) {}

  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  boolean due(String key, long generation, Instant now, Duration interval) {
    Run last = runs.get(key);
    return last == null
        || last.generation() != generation
        || !now.isBefore(last.at().plus(interval));
  }

  void ran(String key, long generation, Instant now) {
    runs.put(key, new Run(generation, now));
  }

  void forget(String key) {
    runs.remove(key);
  }
}
