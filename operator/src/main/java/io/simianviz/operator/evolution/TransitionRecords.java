package io.simianviz.operator.evolution;

import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The finished transitions an Architecture's status keeps ({@code status.transitions}). */
final class TransitionRecords {
  /** How many finished transitions the status keeps. */
  static final int KEPT = 10;

  private TransitionRecords() {}

  /** The records in the status, to add to. */
  static List<TransitionRecord> of(ArchitectureStatus status) {
    return new ArrayList<>(
        status == null || status.getTransitions() == null ? List.of() : status.getTransitions());
  }

  /** Adds the record of {@code t}, ended {@code now} with {@code outcome}; the oldest go. */
  static void add(List<TransitionRecord> records, TransitionStatus t, String outcome, Instant now) {
    TransitionRecord r = new TransitionRecord();
    r.setFromGeneration(t.getFromGeneration());
    r.setToGeneration(t.getToGeneration());
    r.setFromVersion(SpecJson.read(t.getFrom(), "status.transition.from").getVersion());
    r.setToVersion(SpecJson.read(t.getTo(), "status.transition.to").getVersion());
    r.setOutcome(outcome);
    r.setStartedAt(t.getStartedAt());
    Duration took = Duration.between(Instant.parse(t.getStartedAt()), now);
    r.setDurationSeconds(took.toMillis() / 1000.0);
    TransitionTraffic.figures(t.getSources(), r);
    records.add(r);
    while (records.size() > KEPT) {
      records.removeFirst();
    }
  }
}
