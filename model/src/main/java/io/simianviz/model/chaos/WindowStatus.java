package io.simianviz.model.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/** The exact figures of one window of an experiment and whether they met the thresholds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WindowStatus {
  @JsonPropertyDescription("before (steady state), during (the outage) or after (recovery).")
  private String name;

  @JsonPropertyDescription("Requests sent from this time on are in the window (RFC 3339).")
  private String from;

  @JsonPropertyDescription("Requests sent before this time are in the window (RFC 3339).")
  private String to;

  @JsonPropertyDescription("Requests sent in the window: answered + errors + lost.")
  private long requests;

  @JsonPropertyDescription("Requests answered without error.")
  private long answered;

  @JsonPropertyDescription("Requests answered with an error.")
  private long errors;

  @JsonPropertyDescription("Requests never answered within their deadline.")
  private long lost;

  @JsonPropertyDescription("answered / requests.")
  private double successRate;

  @JsonPropertyDescription("Median end-to-end latency, milliseconds.")
  private double p50Ms;

  @JsonPropertyDescription("99th percentile end-to-end latency, milliseconds.")
  private double p99Ms;

  @JsonPropertyDescription("Whether the window met the steady-state thresholds.")
  private boolean met;

  @JsonPropertyDescription("Which threshold the window missed, when it did.")
  private String missed;

  public static WindowStatus of(String name, WindowFigures f, String missed) {
    WindowStatus w = new WindowStatus();
    w.name = name;
    w.from = Instant.ofEpochMilli(f.fromMillis()).toString();
    w.to = Instant.ofEpochMilli(f.toMillis()).toString();
    w.requests = f.requests();
    w.answered = f.answered();
    w.errors = f.errors();
    w.lost = f.lost();
    w.successRate = f.successRate();
    w.p50Ms = f.p50Ms();
    w.p99Ms = f.p99Ms();
    w.met = missed == null;
    w.missed = missed;
    return w;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public long getRequests() {
    return requests;
  }

  public void setRequests(long requests) {
    this.requests = requests;
  }

  public long getAnswered() {
    return answered;
  }

  public void setAnswered(long answered) {
    this.answered = answered;
  }

  public long getErrors() {
    return errors;
  }

  public void setErrors(long errors) {
    this.errors = errors;
  }

  public long getLost() {
    return lost;
  }

  public void setLost(long lost) {
    this.lost = lost;
  }

  public double getSuccessRate() {
    return successRate;
  }

  public void setSuccessRate(double successRate) {
    this.successRate = successRate;
  }

  public double getP50Ms() {
    return p50Ms;
  }

  public void setP50Ms(double p50Ms) {
    this.p50Ms = p50Ms;
  }

  public double getP99Ms() {
    return p99Ms;
  }

  public void setP99Ms(double p99Ms) {
    this.p99Ms = p99Ms;
  }

  public boolean isMet() {
    return met;
  }

  public void setMet(boolean met) {
    this.met = met;
  }

  public String getMissed() {
    return missed;
  }

  public void setMissed(String missed) {
    this.missed = missed;
  }
}
