package io.simianviz.model.spec.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.OutageMode;

/**
 * One chaos experiment: an outage of a tier's instance, a zone or a region for a while, judged by
 * the traffic it lets through before, during and after.
 *
 * <p>The CEL rules are the checks of {@code simianviz validate} that the API server can make at
 * admission (CrdAdmission*Test in the api module runs them), plus {@code architectureRef}, which
 * only a cluster needs: the local runtime runs one architecture and reads no CEL. Every string a
 * rule reads has a maxLength, which bounds the API server's cost estimate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.architectureRef) && self.architectureRef != ''",
    message =
        "architectureRef is required on a cluster: the name of an Architecture in this namespace",
    fieldPath = ".architectureRef")
@ValidationRule(
    value = "!has(self.mode) || self.kind != 'monkey'",
    message = "mode is only for gorilla and kong (a monkey takes one instance down)",
    fieldPath = ".mode")
@ValidationRule(
    value = "!has(self.region) || self.kind == 'gorilla'",
    message = "region is only for gorilla (the zone's region); a kong's target is its region",
    fieldPath = ".region")
public class ChaosExperimentSpec {
  /** Longest name the schema admits: a Kubernetes object name. */
  public static final int MAX_NAME = 253;

  /** Longest duration and schedule the schema admits; far above any real one. */
  public static final int MAX_TEXT = 64;

  /** One Go-style duration, as Durations.parse reads it. */
  private static final String DURATION = "([0-9]+(\\.[0-9]+)?(us|ms|s|m|h))+";

  /** A duration with the spaces that Durations.parse trims. */
  static final String DURATION_PATTERN = "^\\s*" + DURATION + "\\s*$";

  /** Not a duration whose every number is 0: one that parses, and is refused. */
  static final String NOT_ZERO = "!self.matches(r'^\\s*(0+(\\.0+)?(us|ms|s|m|h))+\\s*$')";

  /** One field of a Unix cron schedule: digits, names, and * / , - (ExperimentSchedule). */
  private static final String CRON_FIELD = "[0-9A-Za-z*/,-]+";

  /** Five cron fields separated by spaces, or nothing but spaces (run once). */
  static final String FIVE_FIELDS =
      "self.matches(r'^\\s*$') || self.matches(r'^\\s*"
          + CRON_FIELD
          + "(\\s+"
          + CRON_FIELD
          + "){4}\\s*$')";

  @JsonPropertyDescription(
      "Name of the Architecture in the same namespace to experiment on (may be omitted by the"
          + " local runtime, which runs one architecture); required on a cluster.")
  @Size(max = MAX_NAME)
  private String architectureRef;

  @JsonPropertyDescription(
      "What is taken down: monkey (one random ready instance of a tier), gorilla (a zone of a"
          + " region) or kong (a region).")
  @Required
  private ChaosKind kind;

  @JsonPropertyDescription(
      "The tier (monkey), zone (gorilla) or region (kong) to take down, as named in the"
          + " architecture.")
  @Required
  @Size(min = 1, max = MAX_NAME)
  private String target;

  @JsonPropertyDescription(
      "For a gorilla only: the region of the zone (default: the only region that has it).")
  @Size(max = MAX_NAME)
  private String region;

  @JsonPropertyDescription(
      "For gorilla and kong only: stop (instances down, like a power interruption; default) or isolate"
          + " (instances up but unreachable, like a network partition).")
  private OutageMode mode;

  @JsonPropertyDescription(
      "How long the outage lasts before it is restored, above 0, e.g. 30s (default).")
  @Pattern(DURATION_PATTERN)
  @Size(max = MAX_TEXT)
  @ValidationRule(value = NOT_ZERO, message = "must be longer than 0")
  private String duration;

  @JsonPropertyDescription(
      "Cron schedule in UTC (five fields: minute hour day-of-month month day-of-week, e.g. '0 3 *"
          + " * 1-5') to repeat the experiment; default (or empty): run once, at once.")
  @Size(max = MAX_TEXT)
  @ValidationRule(
      value = FIVE_FIELDS,
      message = "must be five cron fields: minute hour day-of-month month day-of-week")
  private String schedule;

  @JsonPropertyDescription(
      "Only say what would be hit and record the steady state: nothing is touched (default"
          + " false).")
  private Boolean dryRun;

  @JsonPropertyDescription("What the application must keep doing for the experiment to pass.")
  private SteadyStateSpec steadyState;

  @JsonPropertyDescription(
      "Safety guards for this experiment; default: the architecture's spec.chaos.guards.")
  private ChaosGuards guards;

  public String getArchitectureRef() {
    return architectureRef;
  }

  public void setArchitectureRef(String architectureRef) {
    this.architectureRef = architectureRef;
  }

  public ChaosKind getKind() {
    return kind;
  }

  public void setKind(ChaosKind kind) {
    this.kind = kind;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public OutageMode getMode() {
    return mode;
  }

  public void setMode(OutageMode mode) {
    this.mode = mode;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public Boolean getDryRun() {
    return dryRun;
  }

  public void setDryRun(Boolean dryRun) {
    this.dryRun = dryRun;
  }

  public SteadyStateSpec getSteadyState() {
    return steadyState;
  }

  public void setSteadyState(SteadyStateSpec steadyState) {
    this.steadyState = steadyState;
  }

  public ChaosGuards getGuards() {
    return guards;
  }

  public void setGuards(ChaosGuards guards) {
    this.guards = guards;
  }
}
