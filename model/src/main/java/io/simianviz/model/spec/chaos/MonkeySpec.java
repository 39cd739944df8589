package io.simianviz.model.spec.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** The chaos monkey: deletes one random instance of the victim tier on an interval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MonkeySpec {
  @JsonPropertyDescription("Tier whose instances are deleted; default: spec.victim.")
  private String victim;

  @JsonPropertyDescription(
      "Time between kills, e.g. 30s, 5m; empty means once, half-way through a local run (spigo's behaviour).")
  @Pattern("^(\\s*([0-9]+(\\.[0-9]+)?(us|ms|s|m|h))+\\s*)?$") // Durations.parse, or empty
  private String interval;

  @JsonPropertyDescription("Whether the monkey runs (default true when a victim is set).")
  private Boolean enabled;

  public String getVictim() {
    return victim;
  }

  public void setVictim(String victim) {
    this.victim = victim;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }
}
