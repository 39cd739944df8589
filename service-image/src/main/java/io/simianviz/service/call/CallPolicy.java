package io.simianviz.service.call;

import java.time.Duration;

/**
 * How a nanoservice calls its dependencies.
 *
 * @param timeout per attempt, from sending it to its answer: waiting for a connection and
 *     connecting included
 * @param maxRetries further attempts after a failed one, each to the next candidate
 * @param retryRatio retries allowed per request on average (the budget's refill per request)
 * @param minRetryTokens retries allowed even before any request refilled the budget
 * @param ejection how long an instance that refused a connection is skipped
 * @param maxConnectionsPerInstance HTTP/1.1 pool size per dependency instance
 */
public record CallPolicy(
    Duration timeout,
    int maxRetries,
    double retryRatio,
    int minRetryTokens,
    Duration ejection,
    int maxConnectionsPerInstance) {

  /**
   * Kept back from a request's time left when it bounds a call's deadline: the time for the answer
   * to come back and be passed on, so the callee gives up just before its caller does.
   */
  public static final Duration DEADLINE_MARGIN = Duration.ofMillis(5);

  /**
   * Less time left than this is not worth starting on: a request arriving with less is refused at
   * once, and a call or retry with less left after the margin is not sent.
   */
  public static final Duration DEADLINE_FLOOR = Duration.ofMillis(2);

  /**
   * A pod's pool to each dependency instance: Ribbon's default per host, NetflixOSS's own client. A
   * pool smaller than the calls a caller has in flight queues them in the caller, where the
   * callee's figures do not show the wait, and every queued call also costs the pool's waiter
   * bookkeeping: with 8, a karyon forwarding 32 concurrent requests to one store spent 30% more CPU
   * per request (docs/benchmarks.md). Connections open only under load.
   */
  private static final int CONNECTIONS_PER_INSTANCE = 50;

  public static CallPolicy defaults() {
    return new CallPolicy(
        Duration.ofSeconds(2), 2, 0.2, 10, Duration.ofSeconds(5), CONNECTIONS_PER_INSTANCE);
  }

  /**
   * The longest a {@link DependencyClient#call} can take before it answers: {@code (maxRetries + 1)
   * x 2 x timeout}. Each attempt fails at its deadline, one timeout after it was sent (waiting for
   * a connection, connecting and the answer included), found by a sweep at most a twentieth of the
   * timeout late; twice the timeout leaves a margin for that and for an event loop that is behind.
   * Retries follow at once, without backoff. Who waits for every answer adds a margin of its own.
   */
  public Duration longestCall() {
    return timeout.multipliedBy(2L * (maxRetries + 1));
  }

  public CallPolicy withTimeout(Duration newTimeout) {
    return new CallPolicy(
        newTimeout, maxRetries, retryRatio, minRetryTokens, ejection, maxConnectionsPerInstance);
  }

  public CallPolicy withMaxConnectionsPerInstance(int connections) {
    return new CallPolicy(timeout, maxRetries, retryRatio, minRetryTokens, ejection, connections);
  }

  public CallPolicy withMaxRetries(int retries) {
    return new CallPolicy(
        timeout, retries, retryRatio, minRetryTokens, ejection, maxConnectionsPerInstance);
  }
}
