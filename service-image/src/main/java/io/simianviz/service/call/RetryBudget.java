package io.simianviz.service.call;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Caps retries at a fraction of requests, so a failing dependency sees at most {@code 1 + ratio}
 * times the load instead of {@code 1 + maxRetries} times (a retry storm). Each request deposits
 * {@code ratio} of a token, each retry takes one; the balance never exceeds {@code capacity}.
 * Tokens are kept in thousandths so the arithmetic stays in one atomic long. Each caller has its
 * own budget, as each client has in a real service; in the local runtime a budget shared by every
 * instance would also be one contended counter on every hop.
 */
public final class RetryBudget {
  private static final long SCALE = 1000;

  private final long deposit;
  private final long capacity;
  private final AtomicLong balance;
  private final LongAdder denied;

  /**
   * @param denied counts the retries this budget refused, with those of the process's other budgets
   */
  public RetryBudget(double ratio, int minTokens, LongAdder denied) {
    this.deposit = Math.round(ratio * SCALE);
    this.capacity = Math.max(minTokens, 100) * SCALE;
    this.balance = new AtomicLong(minTokens * SCALE);
    this.denied = denied;
  }

  public void onRequest() {
    balance.accumulateAndGet(deposit, (b, d) -> Math.min(capacity, b + d));
  }

  /** Takes a token for a retry; false (and counted) when the budget is spent. */
  public boolean tryRetry() {
    long b;
    do {
      b = balance.get();
      if (b < SCALE) {
        denied.increment();
        return false;
      }
    } while (!balance.compareAndSet(b, b - SCALE));
    return true;
  }
}
