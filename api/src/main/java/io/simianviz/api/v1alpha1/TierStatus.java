package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Readiness of one tier. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TierStatus {
  @JsonPropertyDescription("Tier name.")
  private String name;

  @JsonPropertyDescription("Instances the tier should have.")
  private Integer desired;

  @JsonPropertyDescription("Instances ready.")
  private Integer ready;

  @JsonPropertyDescription("Region/zone pairs the tier has instances in.")
  private List<String> zones;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getDesired() {
    return desired;
  }

  public void setDesired(Integer desired) {
    this.desired = desired;
  }

  public Integer getReady() {
    return ready;
  }

  public void setReady(Integer ready) {
    this.ready = ready;
  }

  public List<String> getZones() {
    return zones;
  }

  public void setZones(List<String> zones) {
    this.zones = zones;
  }
}
