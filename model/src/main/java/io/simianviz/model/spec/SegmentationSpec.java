package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Network segmentation of an architecture. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SegmentationSpec {
  @JsonPropertyDescription(
      "Create NetworkPolicies that allow only the declared edges (default true).")
  private Boolean enabled;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }
}
