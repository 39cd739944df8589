package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** How many dependency calls one request makes. */
public enum Fanout {
  ONE("one"),
  ALL("all");

  private final String value;

  Fanout(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
