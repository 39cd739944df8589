package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** How zones and regions map onto a cluster. */
public enum Placement {
  SIMULATED("simulated"),
  REAL("real");

  private final String value;

  Placement(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
