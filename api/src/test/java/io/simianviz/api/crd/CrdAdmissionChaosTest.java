package io.simianviz.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simianviz.api.chaos.ExperimentSchedule;
import io.simianviz.api.io.ChaosExperimentFiles;
import io.simianviz.api.validation.ChaosExperimentValidator;
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the API server admits of a ChaosExperiment ({@link CrdAdmission} on the committed {@code
 * crds/chaosexperiments.simianviz.io-v1.yml}): valid experiments pass, each invalid one is rejected
 * with exactly the errors listed, and the rules agree with {@link ChaosExperimentValidator} where
 * they stand for one of its checks.
 */
class CrdAdmissionChaosTest {
  private static final CrdAdmission ADMISSION = CrdAdmission.load(CrdAdmission.CHAOS_CRD_FILE);
  private static final String NOT_CHECKED = ": " + CrdAdmission.RULES_NOT_CHECKED;

  static final String ARCHITECTURE_REF =
      "architectureRef: architectureRef is required on a cluster: the name of an Architecture in"
          + " this namespace";
  static final String MODE =
      "mode: mode is only for gorilla and kong (a monkey takes one instance down)";
  static final String REGION =
      "region: region is only for gorilla (the zone's region); a kong's target is its region";
  static final String SCHEDULE =
      "schedule: must be five cron fields: minute hour day-of-month month day-of-week";

  /** A ChaosExperiment whose spec is the given YAML lines, indented by two spaces. */
  private static JsonNode experiment(String... specLines) {
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: simianviz.io/v1alpha1\nkind: ChaosExperiment\nmetadata:\n"
                + "  name: exp\nspec:\n");
    for (String line : specLines) {
      yaml.append("  ").append(line).append('\n');
    }
    return CrdAdmission.readYaml(yaml.toString());
  }

  static Stream<Arguments> admitted() {
    return Stream.of(
        Arguments.of(
            "a monkey",
            new String[] {"architectureRef: lamp", "kind: monkey", "target: webserver"}),
        Arguments.of(
            "a gorilla with every field",
            new String[] {
              "architectureRef: netflixoss",
              "kind: gorilla",
              "target: zoneA",
              "region: us-east-1",
              "mode: isolate",
              "duration: 1m30s",
              "schedule: '0 3 * * MON-FRI'",
              "dryRun: true",
              "steadyState: {minSuccessRate: 0.95, maxP99Ms: 250, window: 10s, interval: 500ms,"
                  + " failureThreshold: 2}",
              "guards: {minHealthy: 0, maxFraction: 0.5}"
            }),
        Arguments.of(
            "a kong that stops",
            new String[] {
              "architectureRef: multi", "kind: kong", "target: us-east-1", "mode: stop"
            }),
        Arguments.of(
            "an empty schedule (run once)",
            new String[] {"architectureRef: lamp", "kind: monkey", "target: www", "schedule: ''"}),
        Arguments.of(
            "a schedule of steps and lists",
            new String[] {
              "architectureRef: lamp",
              "kind: monkey",
              "target: www",
              "schedule: '*/15 0-6,22 1 */2 0'"
            }),
        Arguments.of(
            "a duration with spaces",
            new String[] {
              "architectureRef: lamp", "kind: monkey", "target: www", "duration: ' 30s '"
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("admitted")
  void aValidExperimentIsAdmitted(String name, String[] spec) {
    assertThat(ADMISSION.check(experiment(spec))).isEmpty();
  }

  private static final String[] MONKEY = {"architectureRef: lamp", "kind: monkey", "target: www"};

  private static String[] monkeyWith(String... more) {
    return Stream.concat(Stream.of(MONKEY), Stream.of(more)).toArray(String[]::new);
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            "no architectureRef",
            new String[] {"kind: monkey", "target: www"},
            List.of(ARCHITECTURE_REF)),
        Arguments.of(
            "an empty architectureRef",
            new String[] {"architectureRef: ''", "kind: monkey", "target: www"},
            List.of(ARCHITECTURE_REF)),
        Arguments.of("a monkey with a mode", monkeyWith("mode: stop"), List.of(MODE)),
        Arguments.of("a monkey with a region", monkeyWith("region: us-east-1"), List.of(REGION)),
        Arguments.of(
            "a kong with a region",
            new String[] {
              "architectureRef: m", "kind: kong", "target: us-east-1", "region: us-east-1"
            },
            List.of(REGION)),
        Arguments.of("four cron fields", monkeyWith("schedule: '0 3 * *'"), List.of(SCHEDULE)),
        Arguments.of("six cron fields", monkeyWith("schedule: '0 0 3 * * 1'"), List.of(SCHEDULE)),
        Arguments.of("a cron nickname", monkeyWith("schedule: '@hourly'"), List.of(SCHEDULE)),
        Arguments.of(
            "a cron question mark", monkeyWith("schedule: '0 3 * * ?'"), List.of(SCHEDULE)),
        Arguments.of(
            "a schedule too long",
            monkeyWith("schedule: '" + "1,".repeat(40) + "1 * * * *'"),
            List.of(NOT_CHECKED, "schedule: maxLength")),
        Arguments.of(
            "a zero duration",
            monkeyWith("duration: 0s"),
            List.of("duration: must be longer than 0")),
        Arguments.of(
            "a zero duration in two units",
            monkeyWith("duration: 0m0.000s"),
            List.of("duration: must be longer than 0")),
        Arguments.of(
            "a duration without unit", monkeyWith("duration: '30'"), List.of("duration: pattern")),
        Arguments.of(
            "a zero window",
            monkeyWith("steadyState: {window: 0s}"),
            List.of("steadyState.window: must be longer than 0")),
        Arguments.of(
            "a zero interval",
            monkeyWith("steadyState: {interval: 00ms}"),
            List.of("steadyState.interval: must be longer than 0")),
        Arguments.of(
            "a success rate above 1",
            monkeyWith("steadyState: {minSuccessRate: 1.5}"),
            List.of("steadyState.minSuccessRate: maximum")),
        Arguments.of(
            "a failure threshold of 0",
            monkeyWith("steadyState: {failureThreshold: 0}"),
            List.of("steadyState.failureThreshold: minimum")),
        Arguments.of(
            "a negative p99",
            monkeyWith("steadyState: {maxP99Ms: -1}"),
            List.of("steadyState.maxP99Ms: minimum")),
        Arguments.of(
            "a guard fraction above 1",
            monkeyWith("guards: {maxFraction: 2}"),
            List.of("guards.maxFraction: maximum")),
        Arguments.of(
            "a negative minHealthy",
            monkeyWith("guards: {minHealthy: -1}"),
            List.of("guards.minHealthy: minimum")),
        Arguments.of(
            "an unknown kind",
            new String[] {"architectureRef: lamp", "kind: chimp", "target: www"},
            List.of(NOT_CHECKED, "kind: enum")),
        Arguments.of(
            "a capitalised kind",
            new String[] {"architectureRef: lamp", "kind: Monkey", "target: www"},
            List.of(NOT_CHECKED, "kind: enum")),
        Arguments.of(
            "no kind",
            new String[] {"architectureRef: lamp", "target: www"},
            List.of(NOT_CHECKED, "kind: required")),
        Arguments.of(
            "no target",
            new String[] {"architectureRef: lamp", "kind: monkey"},
            List.of(NOT_CHECKED, "target: required")),
        Arguments.of(
            "an empty target",
            new String[] {"architectureRef: lamp", "kind: monkey", "target: ''"},
            List.of("target: minLength")),
        Arguments.of(
            "an unknown mode",
            new String[] {"architectureRef: z", "kind: gorilla", "target: zoneA", "mode: pause"},
            List.of(NOT_CHECKED, "mode: enum")),
        Arguments.of(
            "a dryRun that is text",
            monkeyWith("dryRun: maybe"),
            List.of(NOT_CHECKED, "dryRun: type")),
        Arguments.of(
            "an unknown field",
            monkeyWith("victim: www"),
            List.of("victim: additionalProperties")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void anInvalidExperimentIsRejectedWithExactlyTheseErrors(
      String name, String[] spec, List<String> errors) {
    assertThat(ADMISSION.check(experiment(spec))).containsExactlyInAnyOrderElementsOf(errors);
  }

  private static boolean validates(String field, String value) {
    String yaml =
        "apiVersion: simianviz.io/v1alpha1\nkind: ChaosExperiment\nmetadata: {name: exp}\n"
            + "spec: {kind: monkey, target: www, "
            + field
            + ": '"
            + value
            + "'}\n";
    ChaosExperimentSpec spec = ChaosExperimentFiles.parse(yaml).getSpec();
    return ChaosExperimentValidator.validate(spec).isValid();
  }

  private static boolean admits(String field, String value) {
    ObjectNode resource = (ObjectNode) experiment(MONKEY);
    ((ObjectNode) resource.get("spec")).put(field, value);
    return ADMISSION.check(resource).isEmpty();
  }

  /** Durations from the grammar's pieces, well and badly assembled, zero and not. */
  private static String randomDuration(Random random) {
    String[] numbers = {"0", "00", "1", "30", "1.5", "0.0", "0.5", ".5", "1.", "90"};
    String[] units = {"s", "ms", "us", "m", "h", "", "S", "d"};
    String[] pads = {"", "", "", " ", "\t"};
    StringBuilder s = new StringBuilder(pads[random.nextInt(pads.length)]);
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      s.append(numbers[random.nextInt(numbers.length)]).append(units[random.nextInt(units.length)]);
    }
    return s.append(pads[random.nextInt(pads.length)]).toString();
  }

  @Test
  void durationsAreAdmittedExactlyWhenTheValidatorAcceptsThem() {
    List<String> durations = new ArrayList<>(List.of("30s", "0s", "0m0s", "1h30m", " 5m ", "-5m"));
    Random random = new Random(13);
    IntStream.range(0, 1500).forEach(i -> durations.add(randomDuration(random)));
    int valid = 0;
    for (String d : durations) {
      boolean validates = validates("duration", d);
      valid += validates ? 1 : 0;
      assertThat(admits("duration", d)).as("admitted \"%s\"", d).isEqualTo(validates);
    }
    assertThat(valid).as("valid durations tried").isGreaterThan(100);
  }

  /** Schedules from cron's pieces: each field's own values, now and then a bad one. */
  private static String randomSchedule(Random random) {
    String[][] good = {
      {"*", "0", "5", "*/15", "1,15", "0-30"},
      {"*", "0", "3", "1-5", "*/6"},
      {"*", "1", "15", "1-5", "29", "31"},
      {"*", "1", "JAN", "*/2", "6-8", "2"},
      {"*", "0", "1-5", "MON-FRI", "7", "sun"}
    };
    String[] bad = {"60", "?", "L", "@", "5-1", "", "99", "FUN", "1#2", "*/0", "-"};
    int fields = random.nextInt(10) == 0 ? 4 + 2 * random.nextInt(2) : 5;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < fields; i++) {
      String[] values = good[Math.min(i, 4)];
      out.add(
          random.nextInt(12) == 0
              ? bad[random.nextInt(bad.length)]
              : values[random.nextInt(values.length)]);
    }
    return String.join(random.nextInt(6) == 0 ? "\t" : " ", out);
  }

  private static boolean parses(String schedule) {
    try {
      ExperimentSchedule.parse(schedule);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Admission's rule is the shape (five fields of cron's characters); the validator also knows each
   * field's range and that a day exists. So: what the validator accepts is always admitted, and
   * what admission rejects the validator rejects too.
   */
  @Test
  void everyScheduleTheValidatorAcceptsIsAdmittedAndNoneAdmissionRejectsIsValid() {
    List<String> schedules =
        new ArrayList<>(
            List.of("0 3 * * 1-5", "*/5 * * * *", "0 0 31 2 *", "60 * * * *", "0 3 * *"));
    Random random = new Random(5);
    IntStream.range(0, 1500).forEach(i -> schedules.add(randomSchedule(random)));
    int parsed = 0;
    int onlyValidateTells = 0;
    for (String s : schedules) {
      boolean valid = s.isBlank() || parses(s);
      boolean admitted = admits("schedule", s);
      parsed += valid ? 1 : 0;
      onlyValidateTells += admitted && !valid ? 1 : 0;
      if (valid) {
        assertThat(admitted).as("admitted \"%s\"", s).isTrue();
      }
      assertThat(validates("schedule", s)).as("validates \"%s\"", s).isEqualTo(valid);
    }
    assertThat(parsed).as("valid schedules tried").isGreaterThan(100);
    assertThat(onlyValidateTells)
        .as("schedules only validate refuses (60 minutes, 30 February)")
        .isPositive();
  }

  @Test
  void everyFieldOfSpecAndStatusHasADescription() {
    List<String> missing = new ArrayList<>();
    describe(ADMISSION.schemaAt("spec"), "spec", missing);
    describe(ADMISSION.schemaAt("status"), "status", missing);
    assertThat(missing).as("fields without a description").isEmpty();
  }

  private static void describe(JsonNode schema, String path, List<String> missing) {
    StreamSupport.stream(schema.path("properties").properties().spliterator(), false)
        .forEach(
            p -> {
              String at = path + "." + p.getKey();
              if (!p.getValue().hasNonNull("description")) {
                missing.add(at);
              }
              // conditions are Kubernetes' own Condition, whose schema has none
              if (!p.getKey().equals("conditions")) {
                describe(p.getValue(), at, missing);
                describe(p.getValue().path("items"), at + "[]", missing);
              }
            });
  }

  private static final Pattern MATCHES = Pattern.compile("self\\.matches\\(r'([^']*)'\\)");

  /**
   * The API server refuses a CRD whose rule's estimated cost is above 10^7 (and the CRD's total
   * above 10^8): it estimates {@code s.matches(re)} at ceil(0.1 x s's maxLength) x ceil(0.25 x re's
   * length), with a string of no maxLength as long as a whole request (3 MiB). Every rule here is a
   * few matches on a string with a maxLength, or comparisons of constant cost.
   */
  @Test
  void everyRuleIsCheapForTheApiServersCostEstimate() {
    long total = 0;
    for (CrdAdmission.Rule rule : ADMISSION.rules()) {
      long cost = 10; // has(), comparisons, logical operators
      Matcher m = MATCHES.matcher(rule.rule());
      while (m.find()) {
        JsonNode at = ADMISSION.schemaAt(rule.schemaPath().toArray(String[]::new));
        assertThat(at.path("type").asText()).as(rule.where()).isEqualTo("string");
        assertThat(at.has("maxLength")).as("%s has a maxLength", rule.where()).isTrue();
        cost +=
            (long) Math.ceil(0.1 * at.path("maxLength").asInt())
                * (long) Math.ceil(0.25 * m.group(1).length());
      }
      assertThat(cost)
          .as("estimated cost of %s at %s", rule.rule(), rule.where())
          .isLessThan(10_000);
      total += cost;
    }
    assertThat(ADMISSION.rules()).hasSize(7);
    assertThat(total).isLessThan(100_000);
  }
}
