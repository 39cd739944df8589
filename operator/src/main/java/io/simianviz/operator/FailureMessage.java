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

  private FailureMessage() {}

  static String of(Exception e) {
    String message =
        e instanceof AggregatedOperatorException aggregate
            ? aggregate.getAggregatedExceptions().entrySet().stream()
                .map(FailureMessage::dependent)
                .collect(Collectors.joining("; "))
            : messageOf(e);
    return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 3) + "...";
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
