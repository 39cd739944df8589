package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.OutageMode;

/**
 * One chaos experiment: an outage of a tier's instance, a zone or a region for a while, judged by
 * the traffic it lets through before, during and after.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosExperimentSpec {
  @JsonPropertyDescription(
      "Name of the Architecture in the same namespace to experiment on (may be omitted by the"
          + " local runtime, which runs one architecture).")
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
  private String target;

  @JsonPropertyDescription(
      "For a gorilla: the region of the zone (default: the only region that has it).")
  private String region;

  @JsonPropertyDescription(
      "For gorilla and kong: stop (instances down, like a power interruption; default) or isolate"
          + " (instances up but unreachable, like a network partition).")
  private OutageMode mode;

  @JsonPropertyDescription("How long the outage lasts before it is restored, e.g. 30s (default).")
  @Pattern("^\\s*([0-9]+(\\.[0-9]+)?(us|ms|s|m|h))+\\s*$")
  private String duration;

  @JsonPropertyDescription(
      "Cron schedule (five fields, e.g. '0 3 * * 1-5') to repeat the experiment; default: run"
          + " once, at once.")
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
