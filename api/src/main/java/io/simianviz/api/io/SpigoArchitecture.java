package io.simianviz.api.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * spigo's architecture JSON, field for field. The per-service fields spigo itself ignored (machine,
 * instance, container, process and the guesstimate fields) are accepted and dropped.
 */
public record SpigoArchitecture(
    String arch, String description, String version, String victim, List<Service> services) {

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
