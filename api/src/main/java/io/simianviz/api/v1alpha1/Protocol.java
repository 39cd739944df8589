package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Protocol a tier serves. */
public enum Protocol {
  HTTP("http"),
  GRPC("grpc");

  private final String value;

  Protocol(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
