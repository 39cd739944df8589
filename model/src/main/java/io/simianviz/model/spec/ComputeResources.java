package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU and memory requests and limits of a tier's containers, as Kubernetes quantities ({@code
 * 250m}, {@code 64Mi}, {@code 1}). The CRD schema is Kubernetes' own ResourceRequirements (see
 * {@link TierSpec#getResources()}); this class keeps the model free of the Kubernetes client.
 * {@code claims} passes the schema and is not used: a nanoservice claims no dynamic resources.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties({"claims"})
public class ComputeResources {
  @JsonPropertyDescription("Minimum resources per container, by resource name.")
  private Map<String, String> requests = new LinkedHashMap<>();

  @JsonPropertyDescription("Maximum resources per container, by resource name.")
  private Map<String, String> limits = new LinkedHashMap<>();

  public Map<String, String> getRequests() {
    return requests;
  }

  public void setRequests(Map<String, String> requests) {
    this.requests = requests == null ? new LinkedHashMap<>() : requests;
  }

  public Map<String, String> getLimits() {
    return limits;
  }

  public void setLimits(Map<String, String> limits) {
    this.limits = limits == null ? new LinkedHashMap<>() : limits;
  }
}
