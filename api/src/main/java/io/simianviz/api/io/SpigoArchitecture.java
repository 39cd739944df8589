package io.simianviz.api.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * spigo's architecture JSON, field for field. What spigo itself ignored is accepted and dropped:
 * the top-level args and date that compose2arch writes, and the per-service machine, instance,
 * container, process and guesstimate fields.
 */
public record SpigoArchitecture(
    String arch,
    String description,
    String version,
    String victim,
    String args,
    String date,
    List<Service> services) {

  /** One spigo service (a tier). */
  public record Service(
      String name,
      @JsonProperty("package") String packageName,
      Integer count,
      Integer regions,
      List<String> dependencies,
      String machine,
      String instance,
      String container,
      String process,
      Boolean useCustomGuesstimate,
      String guesstimateType,
      Object guesstimateValue) {}
}
