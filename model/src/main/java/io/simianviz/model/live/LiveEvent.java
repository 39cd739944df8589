package io.simianviz.model.live;

import java.util.List;

/**
 * One entry of the events list.
 *
 * @param seq its number, from 1, in the order events happened
 * @param atMs when, on the clock of the {@link LiveArchitecture} (a local run's: milliseconds since
 *     it started)
 * @param instances the instances it concerns (may be empty)
 */
public record LiveEvent(long seq, long atMs, EventKind kind, String text, List<String> instances) {
  public LiveEvent {
    instances = List.copyOf(instances);
  }
}
