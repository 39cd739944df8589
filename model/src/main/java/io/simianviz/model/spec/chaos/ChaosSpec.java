package io.simianviz.model.spec.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Chaos settings of an architecture. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosSpec {
  @JsonPropertyDescription("The periodic chaos monkey that deletes one instance of a victim tier.")
  private MonkeySpec monkey;

  @JsonPropertyDescription("List what chaos would hit without touching anything (default false).")
  private Boolean dryRun;

  @JsonPropertyDescription("Safety guards applied to every chaos action.")
  private ChaosGuards guards;

  public MonkeySpec getMonkey() {
    return monkey;
  }

  public void setMonkey(MonkeySpec monkey) {
    this.monkey = monkey;
  }

  public Boolean getDryRun() {
    return dryRun;
  }

  public void setDryRun(Boolean dryRun) {
    this.dryRun = dryRun;
  }

  public ChaosGuards getGuards() {
    return guards;
  }

  public void setGuards(ChaosGuards guards) {
    this.guards = guards;
  }
}
