package io.simianviz.model.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The experiment machine's bookkeeping, kept in the status so that another process (an operator
 * restarted mid-experiment) carries on where the last one stopped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExperimentProgress {
  @JsonPropertyDescription("When the current phase ends by the clock (epoch ms).")
  private long phaseEndsAtMillis;

  @JsonPropertyDescription(
      "The send time (epoch ms) that closes the window still open, once the counters are settled"
          + " through it.")
  private Long closeWindowAtMillis;

  @JsonPropertyDescription("The send time (epoch ms) that closes the recovery window.")
  private long afterEndsAtMillis;

  @JsonPropertyDescription("The traffic counters at the start of the open window.")
  private TrafficCounters windowStart;

  @JsonPropertyDescription("The traffic counters at the last reading during the outage.")
  private TrafficCounters lastReading;

  @JsonPropertyDescription("Readings in a row that missed the thresholds during the outage.")
  private int consecutiveMissed;

  @JsonPropertyDescription("Why the outage is being ended early, when it is.")
  private String abortReason;

  @JsonPropertyDescription("Whether a person stopped the experiment (no verdict then).")
  private boolean stopped;

  public long getPhaseEndsAtMillis() {
    return phaseEndsAtMillis;
  }

  public void setPhaseEndsAtMillis(long phaseEndsAtMillis) {
    this.phaseEndsAtMillis = phaseEndsAtMillis;
  }

  public Long getCloseWindowAtMillis() {
    return closeWindowAtMillis;
  }

  public void setCloseWindowAtMillis(Long closeWindowAtMillis) {
    this.closeWindowAtMillis = closeWindowAtMillis;
  }

  public TrafficCounters getWindowStart() {
    return windowStart;
  }

  public void setWindowStart(TrafficCounters windowStart) {
    this.windowStart = windowStart;
  }

  public TrafficCounters getLastReading() {
    return lastReading;
  }

  public void setLastReading(TrafficCounters lastReading) {
    this.lastReading = lastReading;
  }

  public int getConsecutiveMissed() {
    return consecutiveMissed;
  }

  public void setConsecutiveMissed(int consecutiveMissed) {
    this.consecutiveMissed = consecutiveMissed;
  }

  public String getAbortReason() {
    return abortReason;
  }

  public void setAbortReason(String abortReason) {
    this.abortReason = abortReason;
  }

  public boolean isStopped() {
    return stopped;
  }

  public void setStopped(boolean stopped) {
    this.stopped = stopped;
  }

  public long getAfterEndsAtMillis() {
    return afterEndsAtMillis;
  }

  public void setAfterEndsAtMillis(long afterEndsAtMillis) {
    this.afterEndsAtMillis = afterEndsAtMillis;
  }
}
