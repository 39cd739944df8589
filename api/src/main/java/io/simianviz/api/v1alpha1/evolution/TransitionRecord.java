package io.simianviz.api.v1alpha1.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One finished transition and what the traffic sources counted while it ran: the requests they sent
 * from its start to its end, each counted once as answered, error or lost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TransitionRecord {
  @JsonPropertyDescription("The metadata.generation it started from.")
  private Long fromGeneration;

  @JsonPropertyDescription("The metadata.generation it applied.")
  private Long toGeneration;

  @JsonPropertyDescription("The spec.version it started from, if set.")
  private String fromVersion;

  @JsonPropertyDescription("The spec.version it applied, if set.")
  private String toVersion;

  @JsonPropertyDescription(
      "Converged, or Superseded when a newer edit restarted it from what was running.")
  private String outcome;

  @JsonPropertyDescription("When it started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("How long it took, in seconds.")
  private Double durationSeconds;

  @JsonPropertyDescription(
      "Requests the traffic sources sent while it ran (answered + errors + lost).")
  private Long requests;

  @JsonPropertyDescription("Requests answered without error.")
  private Long answered;

  @JsonPropertyDescription("Requests answered with an error.")
  private Long errors;

  @JsonPropertyDescription("Requests never answered (past their deadline).")
  private Long lost;

  @JsonPropertyDescription("Answered requests, percent of all requests (100 when none was sent).")
  private Double successRate;

  @JsonPropertyDescription(
      "99th percentile latency of its requests, ms; absent when none was timed.")
  private Double p99Ms;

  public Long getFromGeneration() {
    return fromGeneration;
  }

  public void setFromGeneration(Long fromGeneration) {
    this.fromGeneration = fromGeneration;
  }

  public Long getToGeneration() {
    return toGeneration;
  }

  public void setToGeneration(Long toGeneration) {
    this.toGeneration = toGeneration;
  }

  public String getFromVersion() {
    return fromVersion;
  }

  public void setFromVersion(String fromVersion) {
    this.fromVersion = fromVersion;
  }

  public String getToVersion() {
    return toVersion;
  }

  public void setToVersion(String toVersion) {
    this.toVersion = toVersion;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public Double getDurationSeconds() {
    return durationSeconds;
  }

  public void setDurationSeconds(Double durationSeconds) {
    this.durationSeconds = durationSeconds;
  }

  public Long getRequests() {
    return requests;
  }

  public void setRequests(Long requests) {
    this.requests = requests;
  }

  public Long getAnswered() {
    return answered;
  }

  public void setAnswered(Long answered) {
    this.answered = answered;
  }

  public Long getErrors() {
    return errors;
  }

  public void setErrors(Long errors) {
    this.errors = errors;
  }

  public Long getLost() {
    return lost;
  }

  public void setLost(Long lost) {
    this.lost = lost;
  }

  public Double getSuccessRate() {
    return successRate;
  }

  public void setSuccessRate(Double successRate) {
    this.successRate = successRate;
  }

  public Double getP99Ms() {
    return p99Ms;
  }

  public void setP99Ms(Double p99Ms) {
    this.p99Ms = p99Ms;
  }
}
