package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Chaos actions taken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosSummary {
  @JsonPropertyDescription("Instances deleted by chaos.")
  private Long kills;

  @JsonPropertyDescription("Name of the last instance deleted.")
  private String lastVictim;

  @JsonPropertyDescription("When the last instance was deleted (RFC 3339).")
  private String lastKillTime;

  public Long getKills() {
    return kills;
  }

  public void setKills(Long kills) {
    this.kills = kills;
  }

  public String getLastVictim() {
    return lastVictim;
  }

  public void setLastVictim(String lastVictim) {
    this.lastVictim = lastVictim;
  }

  public String getLastKillTime() {
    return lastKillTime;
  }

  public void setLastKillTime(String lastKillTime) {
    this.lastKillTime = lastKillTime;
  }
}
