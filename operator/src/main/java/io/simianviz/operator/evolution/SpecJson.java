package io.simianviz.operator.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.spec.ArchitectureSpec;

/**
 * A spec as the JSON text the status keeps of it (status.applied.spec, status.transition.from and
 * .to), and back.
 */
final class SpecJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecJson() {}

  static String write(ArchitectureSpec spec) {
    try {
      return JSON.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a spec always serializes", e);
    }
  }

  /**
   * The spec of a status field.
   *
   * @throws IllegalStateException naming the field when the text is not a spec (edited by hand)
   */
  static ArchitectureSpec read(String json, String field) {
    try {
      return JSON.readValue(json, ArchitectureSpec.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(field + " does not hold a spec: " + e.getMessage(), e);
    }
  }
}
