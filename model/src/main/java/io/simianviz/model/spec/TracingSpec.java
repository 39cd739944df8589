package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Distributed tracing export. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TracingSpec {
  @JsonPropertyDescription(
      "Zipkin v2 span endpoint, e.g. http://zipkin.observability:9411/api/v2/spans; empty means no export.")
  private String zipkinEndpoint;

  @JsonPropertyDescription("Fraction of traces recorded, 0 to 1 (default 1).")
  @Min(0)
  @Max(1)
  private Double sampleRate;

  public String getZipkinEndpoint() {
    return zipkinEndpoint;
  }

  public void setZipkinEndpoint(String zipkinEndpoint) {
    this.zipkinEndpoint = zipkinEndpoint;
  }

  public Double getSampleRate() {
    return sampleRate;
  }

  public void setSampleRate(Double sampleRate) {
    this.sampleRate = sampleRate;
  }
}
