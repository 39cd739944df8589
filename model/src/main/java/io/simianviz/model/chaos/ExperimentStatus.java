package io.simianviz.model.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * What an experiment did and how the application took it: the status of a ChaosExperiment on a
 * cluster, and an entry of {@code experiments[]} in a local run's summary.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExperimentStatus {
  @JsonPropertyDescription(
      "Pending, Before (steady state), During (outage), After (recovery), Completed, Aborted or"
          + " Refused.")
  private ExperimentPhase phase;

  @JsonPropertyDescription("Pass or Fail, once Completed (none for a dry run).")
  private Verdict verdict;

  @JsonPropertyDescription("What happened, in one sentence.")
  private String message;

  @JsonPropertyDescription("What the experiment takes down, e.g. 'gorilla us-east-1/zoneA stop'.")
  private String target;

  @JsonPropertyDescription("The instances (pods) hit, or that a dry run would hit.")
  private List<String> victims = new ArrayList<>();

  @JsonPropertyDescription("When the steady-state window started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the outage started.")
  private String injectedAt;

  @JsonPropertyDescription("When the outage was undone.")
  private String restoredAt;

  @JsonPropertyDescription("When the experiment ended.")
  private String finishedAt;

  @JsonPropertyDescription("Exact traffic figures per window: before, during, after.")
  private List<WindowStatus> windows = new ArrayList<>();

  @JsonPropertyDescription("Bookkeeping of the running experiment.")
  private ExperimentProgress progress;

  public ExperimentPhase getPhase() {
    return phase;
  }

  public void setPhase(ExperimentPhase phase) {
    this.phase = phase;
  }

  public Verdict getVerdict() {
    return verdict;
  }

  public void setVerdict(Verdict verdict) {
    this.verdict = verdict;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public List<String> getVictims() {
    return victims;
  }

  public void setVictims(List<String> victims) {
    this.victims = victims == null ? new ArrayList<>() : new ArrayList<>(victims);
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getInjectedAt() {
    return injectedAt;
  }

  public void setInjectedAt(String injectedAt) {
    this.injectedAt = injectedAt;
  }

  public String getRestoredAt() {
    return restoredAt;
  }

  public void setRestoredAt(String restoredAt) {
    this.restoredAt = restoredAt;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }

  public List<WindowStatus> getWindows() {
    return windows;
  }

  public void setWindows(List<WindowStatus> windows) {
    this.windows = windows == null ? new ArrayList<>() : new ArrayList<>(windows);
  }

  public ExperimentProgress getProgress() {
    return progress;
  }

  public void setProgress(ExperimentProgress progress) {
    this.progress = progress;
  }
}
