package io.simianviz.operator;

import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Degraded message of a reconcile that failed: the exception's message, or for the workflow's
 * aggregate each failing dependent with its own (the aggregate's message carries stack traces).
 * Bounded, since kubectl shows it on one line.
 */
final class FailureMessage {
  static final int MAX_LENGTH = 1000;

  /** How deep the causes are searched for the workflow's aggregate (a cycle ends there too). */
  private static final int MAX_CAUSES = 8;

  private FailureMessage() {}

  static String of(Exception e) {
    AggregatedOperatorException aggregate = aggregateIn(e);
    String message =
        aggregate != null
            ? aggregate.getAggregatedExceptions().entrySet().stream()
                .map(FailureMessage::dependent)
                .collect(Collectors.joining("; "))
            : messageOf(e);
    return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 3) + "...";
  }

  /**
   * The workflow's aggregate, whether JOSDK throws it as it is or wrapped in an OperatorException
   * (both happen, depending on where the workflow failed); null when there is none.
   */
  private static AggregatedOperatorException aggregateIn(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      if (t instanceof AggregatedOperatorException aggregate) {
        return aggregate;
      }
    }
    return null;
  }

  private static String dependent(Map.Entry<String, Exception> failure) {
    return failure.getKey() + ": " + messageOf(failure.getValue());
  }

  private static String messageOf(Throwable e) {
    return e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName()
        : e.getMessage();
  }
}
