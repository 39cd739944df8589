package io.simianviz.api.chaos;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ChaosExperiment's {@code spec.schedule}: Unix cron's five fields (minute hour day-of-month
 * month day-of-week), as a Kubernetes CronJob reads them, in UTC. Pure: the caller gives the clock.
 *
 * <p>Numbers, {@code *}, ranges ({@code 1-5}), lists ({@code 1,15}), steps ({@code *}{@code /5})
 * and the names JAN-DEC and SUN-SAT; day-of-week 0 and 7 are Sunday; when both day-of-month and
 * day-of-week are restricted, a day matching either runs (Unix cron's rule). Nicknames
 * ({@code @hourly}), {@code ?}, {@code L}, {@code W} and {@code #} are refused.
 */
public final class ExperimentSchedule {
  /** What a schedule is, for messages. */
  public static final String FORM =
      "five fields: minute hour day-of-month month day-of-week, e.g. '0 3 * * 1-5'";

  /** The fields' names, in order, for messages. */
  private static final String[] NAMES = {"minute", "hour", "day-of-month", "month", "day-of-week"};

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** What a field may hold, as the CRD's CEL rule says. */
  private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*/,-]+");

  private static final Pattern INVALID_CHARS =
      Pattern.compile("Invalid chars in expression! Expression: .* Invalid chars: (.*)");

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** How far ahead a schedule must have a run: a leap day comes within 8 years (2096 to 2104). */
  private static final int HORIZON_YEARS = 9;

  private final String text;
  private final ExecutionTime executions;

  private ExperimentSchedule(String text, ExecutionTime executions) {
    this.text = text;
    this.executions = executions;
  }

  /**
   * A spec's schedule: empty when none is set or it is blank (the experiment runs once, at once).
   *
   * @throws IllegalArgumentException as {@link #parse} does, for a schedule that is set and bad
   */
  public static Optional<ExperimentSchedule> of(String specSchedule) {
    return specSchedule == null || specSchedule.isBlank()
        ? Optional.empty()
        : Optional.of(parse(specSchedule));
  }

  /**
   * Parses a schedule.
   *
   * @throws IllegalArgumentException saying why, in one line, when the text is not five cron fields
   *     or names no time that ever comes (30 February)
   */
  public static ExperimentSchedule parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty schedule (expected " + FORM + ")");
    }
    String trimmed = text.strip();
    String[] fields = SPACES.splitAsStream(trimmed).toArray(String[]::new);
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" has "
              + fields.length
              + (fields.length == 1 ? " field" : " fields")
              + "; expected "
              + FORM);
    }
    for (int i = 0; i < fields.length; i++) {
      if (!FIELD.matcher(fields[i]).matches()) {
        throw new IllegalArgumentException(
            "\""
                + text
                + "\": "
                + NAMES[i]
                + " \""
                + fields[i]
                + "\" may hold only digits, names (JAN, MON) and * / , -");
      }
    }
    Cron cron;
    try {
      cron = PARSER.parse(trimmed);
      cron.validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a cron schedule: " + reason(e), e);
    }
    ExperimentSchedule schedule = new ExperimentSchedule(trimmed, ExecutionTime.forCron(cron));
    Optional<Instant> first = schedule.nextAfter(Instant.EPOCH);
    Instant horizon = Instant.EPOCH.atZone(ZoneOffset.UTC).plusYears(HORIZON_YEARS).toInstant();
    if (first.isEmpty() || first.get().isAfter(horizon)) {
      throw new IllegalArgumentException("\"" + text + "\" names no day that ever comes");
    }
    return schedule;
  }

  /** cron-utils' reason, on one line, without its preamble. */
  private static String reason(IllegalArgumentException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    m = m.lines().findFirst().orElse("").replace("Failed to parse cron expression. ", "").strip();
    Matcher chars = INVALID_CHARS.matcher(m);
    if (chars.matches()) {
      return "\"" + chars.group(1) + "\" is not a number or a name there";
    }
    if (m.isEmpty()) {
      return "not understood";
    }
    return m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1).replace("!", "");
  }

  /** The first run strictly after {@code after}; empty when none comes. */
  public Optional<Instant> nextAfter(Instant after) {
    return executions
        .nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC))
        .map(ZonedDateTime::toInstant);
  }

  /** The schedule as written, without surrounding spaces. */
  @Override
  public String toString() {
    return text;
  }
}
