package io.simianviz.api.v1alpha1.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The spec the operator last converged the architecture to: where the next transition starts
 * (docs/evolution.md). The spec is kept as JSON text so the status carries no second copy of the
 * spec's schema and rules.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppliedVersion {
  @JsonPropertyDescription("The metadata.generation of that spec.")
  private Long generation;

  @JsonPropertyDescription("The spec, as JSON.")
  private String spec;

  @JsonPropertyDescription(
      "Set when the push of this generation was rolled back by its canary: why (the failing"
          + " intervals). The spec above is then what runs (the canaried tiers at their running"
          + " version), and the push is not tried again until the spec changes.")
  private String rolledBack;

  public String getRolledBack() {
    return rolledBack;
  }

  public void setRolledBack(String rolledBack) {
    this.rolledBack = rolledBack;
  }

  public Long getGeneration() {
    return generation;
  }

  public void setGeneration(Long generation) {
    this.generation = generation;
  }

  public String getSpec() {
    return spec;
  }

  public void setSpec(String spec) {
    this.spec = spec;
  }
}
