package io.simianviz.service.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
  private final LongAdder denied = new LongAdder();

  @Test
  void allowsTheStartingTokensThenRetriesInProportionToRequests() {
    RetryBudget budget = new RetryBudget(0.2, 2, denied);

    assertThat(budget.tryRetry()).isTrue();
    assertThat(budget.tryRetry()).isTrue();
    assertThat(budget.tryRetry()).isFalse();

    for (int i = 0; i < 10; i++) {
      budget.onRequest();
    }
    assertThat(budget.tryRetry()).isTrue();
    assertThat(budget.tryRetry()).isTrue();
    assertThat(budget.tryRetry()).isFalse();
    assertThat(denied.sum()).isEqualTo(2);
  }

  @Test
  void eachCallerSpendsItsOwnBudgetAndDenialsAreCountedTogether() {
    RetryBudget failing = new RetryBudget(0.2, 1, denied);
    RetryBudget healthy = new RetryBudget(0.2, 1, denied);

    assertThat(failing.tryRetry()).isTrue();
    assertThat(failing.tryRetry()).isFalse();
    assertThat(healthy.tryRetry()).as("not drained by the other caller's retries").isTrue();
    assertThat(healthy.tryRetry()).isFalse();
    assertThat(denied.sum()).isEqualTo(2);
  }

  @Test
  void savesUpToACapacityOfAHundredRetries() {
    RetryBudget budget = new RetryBudget(1.0, 0, denied);
    for (int i = 0; i < 1000; i++) {
      budget.onRequest();
    }
    int allowed = 0;
    while (budget.tryRetry()) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(100);
  }
}
