package io.simianviz.model.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A {@link TrafficReading} as JSON: what a traffic source's {@code /stats} reports under {@code
 * settled}, and what an experiment's status keeps of the readings at its window boundaries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficCounters {
  @JsonPropertyDescription("Every request sent before this time (epoch ms) has its outcome.")
  private long throughMillis;

  @JsonPropertyDescription("Requests sent.")
  private long sent;

  @JsonPropertyDescription("Requests answered without error.")
  private long answered;

  @JsonPropertyDescription("Requests answered with an error.")
  private long errors;

  @JsonPropertyDescription("Requests still unanswered after their deadline.")
  private long lost;

  @JsonPropertyDescription("Latency histogram in microseconds, HdrHistogram compressed, base64.")
  private String latency;

  public static TrafficCounters of(TrafficReading r) {
    TrafficCounters c = new TrafficCounters();
    c.throughMillis = r.throughMillis();
    c.sent = r.sent();
    c.answered = r.answered();
    c.errors = r.errors();
    c.lost = r.lost();
    c.latency = r.encodedLatency();
    return c;
  }

  /**
   * The reading these counters hold.
   *
   * @throws IllegalArgumentException when they do not add up or the histogram does not decode
   */
  public TrafficReading toReading() {
    return new TrafficReading(
        throughMillis,
        sent,
        answered,
        errors,
        lost,
        latency == null ? TrafficReading.newHistogram() : TrafficReading.decodeLatency(latency));
  }

  public long getThroughMillis() {
    return throughMillis;
  }

  public void setThroughMillis(long throughMillis) {
    this.throughMillis = throughMillis;
  }

  public long getSent() {
    return sent;
  }

  public void setSent(long sent) {
    this.sent = sent;
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

  public String getLatency() {
    return latency;
  }

  public void setLatency(String latency) {
    this.latency = latency;
  }
}
