package io.simianviz.api.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentScheduleTest {
  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  private static Optional<Instant> next(String schedule, String after) {
    return ExperimentSchedule.parse(schedule).nextAfter(at(after));
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 2026-01-01 is a Thursday
        "0 3 * * 1-5    | 2026-01-01T00:00:00Z | 2026-01-01T03:00:00Z",
        "0 3 * * 1-5    | 2026-01-01T03:00:00Z | 2026-01-02T03:00:00Z",
        "0 3 * * 1-5    | 2026-01-02T03:00:00Z | 2026-01-05T03:00:00Z",
        "0 3 * * MON-FRI| 2026-01-02T03:00:00Z | 2026-01-05T03:00:00Z",
        "*/15 * * * *   | 2026-01-01T10:07:30Z | 2026-01-01T10:15:00Z",
        "*/15 * * * *   | 2026-01-01T10:59:59Z | 2026-01-01T11:00:00Z",
        "0 0 29 2 *     | 2026-03-01T00:00:00Z | 2028-02-29T00:00:00Z",
        "0 12 1 JAN *   | 2026-01-01T12:00:00Z | 2027-01-01T12:00:00Z",
        "0 0 * * 0      | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z",
        "0 0 * * 7      | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z",
        "30 6 1,15 * *  | 2026-01-01T06:30:00Z | 2026-01-15T06:30:00Z",
        // both day fields restricted: a day matching either runs, as in Unix cron
        "0 0 13 * 5     | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z",
        "0 0 13 * 5     | 2026-01-09T00:00:00Z | 2026-01-13T00:00:00Z",
      })
  void theNextRunIsTheFirstMatchingMinuteStrictlyAfter(String schedule, String after, String at) {
    assertThat(next(schedule.strip(), after)).contains(at(at));
  }

  @Test
  void noScheduleOrABlankOneMeansRunOnce() {
    assertThat(ExperimentSchedule.of(null)).isEmpty();
    assertThat(ExperimentSchedule.of(" ")).isEmpty();
    assertThat(ExperimentSchedule.of("0 3 * * *").map(ExperimentSchedule::toString))
        .contains("0 3 * * *");
    assertThatThrownBy(() -> ExperimentSchedule.of("0 3 * *"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void spacesAroundAndBetweenFieldsAreAllowed() {
    assertThat(ExperimentSchedule.parse("  0\t3 *  * 1-5 ").toString()).isEqualTo("0\t3 *  * 1-5");
    assertThat(next(" 0 3 * * * ", "2026-01-01T00:00:00Z")).contains(at("2026-01-01T03:00:00Z"));
  }

  @Test
  void aYearOfDailyRunsIsEveryDayOfTheYear() {
    ExperimentSchedule daily = ExperimentSchedule.parse("0 3 * * *");
    List<Instant> runs = new ArrayList<>();
    Instant t = at("2027-12-31T12:00:00Z");
    for (int i = 0; i < 366; i++) {
      t = daily.nextAfter(t).orElseThrow();
      runs.add(t);
    }
    assertThat(runs.getFirst()).isEqualTo(at("2028-01-01T03:00:00Z"));
    assertThat(runs.getLast()).isEqualTo(at("2028-12-31T03:00:00Z"));
  }

  private static final String FORM =
      "five fields: minute hour day-of-month month day-of-week, e.g. '0 3 * * 1-5'";

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``            | empty schedule (expected " + FORM + ")",
        "`   `         | empty schedule (expected " + FORM + ")",
        "0 3 * *       | \"0 3 * *\" has 4 fields; expected " + FORM,
        "0 0 3 * * 1   | \"0 0 3 * * 1\" has 6 fields; expected " + FORM,
        "@hourly       | \"@hourly\" has 1 field; expected " + FORM,
        "0 3 * * ?     | \"0 3 * * ?\": day-of-week \"?\" may hold only digits, names (JAN, MON)"
            + " and * / , -",
        "0 3 * * 1#2   | \"0 3 * * 1#2\": day-of-week \"1#2\" may hold only digits, names (JAN, MON)"
            + " and * / , -",
        "60 * * * *    | \"60 * * * *\" is not a cron schedule: value 60 not in range [0, 59]",
        "0 24 * * *    | \"0 24 * * *\" is not a cron schedule: value 24 not in range [0, 23]",
        "0 0 0 * *     | \"0 0 0 * *\" is not a cron schedule: value 0 not in range [1, 31]",
        "0 0 * 13 *    | \"0 0 * 13 *\" is not a cron schedule: value 13 not in range [1, 12]",
        "5-1 * * * *   | \"5-1 * * * *\" is not a cron schedule: invalid range [5,1]",
        "0 0 L * *     | \"0 0 L * *\" is not a cron schedule: \"L\" is not a number or a name there",
        "0 0 * * FUN   | \"0 0 * * FUN\" is not a cron schedule: \"FUN\" is not a number or a name there",
        "0 0 31 2 *    | \"0 0 31 2 *\" names no day that ever comes",
        "0 0 31 4,6 *  | \"0 0 31 4,6 *\" names no day that ever comes",
      })
  void aBadScheduleIsRefusedInOneLineSayingWhy(String schedule, String message) {
    assertThatThrownBy(() -> ExperimentSchedule.parse(schedule))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message.strip());
  }
}
