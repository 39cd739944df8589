package io.simianviz.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conditions of one status being written: a copy of the previous ones, so conditions another
 * controller owns (ChaosActive) survive, and a condition whose status does not change keeps its
 * lastTransitionTime (an unchanged status must serialize identically, or every reconcile writes).
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";
  public static final String INVALID_SPEC = "InvalidSpec";

  private final List<Condition> conditions = new ArrayList<>();
  private final long generation;
  private final String now;

  public Conditions(List<Condition> previous, long generation, Instant now) {
    if (previous != null) {
      previous.forEach(c -> conditions.add(new ConditionBuilder(c).build()));
    }
    this.generation = generation;
    this.now = now.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Sets a condition for the current generation, appending it when new. */
  public void set(String type, boolean status, String reason, String message) {
    String value = status ? "True" : "False";
    Optional<Condition> existing = find(conditions, type);
    Optional<String> since =
        existing.filter(c -> value.equals(c.getStatus())).map(Condition::getLastTransitionTime);
    Condition condition =
        new ConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(since.orElse(now))
            .build();
    existing.ifPresentOrElse(
        c -> conditions.set(conditions.indexOf(c), condition), () -> conditions.add(condition));
  }

  public List<Condition> list() {
    return List.copyOf(conditions);
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Whether a condition is present with status True. */
  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
