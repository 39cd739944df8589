package io.simianviz.operator.chaos;

import io.simianviz.model.Durations;
import io.simianviz.model.spec.ArchitectureSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When the periodic monkey of an architecture strikes next; pure, so it is tested on its own. */
final class MonkeySchedule {
  private MonkeySchedule() {}

  /**
   * The monkey's interval; empty when it has none. An empty interval means "once, half-way through
   * a run" to the local runtime, and a cluster run has no end, so there it means no periodic
   * monkey.
   */
  static Optional<Duration> interval(ArchitectureSpec spec) {
    if (spec.getChaos() == null || spec.getChaos().getMonkey() == null) {
      return Optional.empty();
    }
    String text = spec.getChaos().getMonkey().getInterval();
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Duration interval = Durations.parse(text);
    return interval.isPositive() ? Optional.of(interval) : Optional.empty();
  }

  /**
   * Time left before the next strike, zero when it is due.
   *
   * @param lastKill the last kill, as the status records it (survives a restart); may be null
   * @param lastAttempt the last refused or dry-run strike of this process; may be null
   */
  static Duration untilDue(Duration interval, Instant lastKill, Instant lastAttempt, Instant now) {
    Instant last = lastKill;
    if (lastAttempt != null && (last == null || lastAttempt.isAfter(last))) {
      last = lastAttempt;
    }
    if (last == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, last.plus(interval));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
