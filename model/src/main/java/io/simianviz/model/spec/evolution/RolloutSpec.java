package io.simianviz.model.spec.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * How a tier's instances are replaced when its version or settings change, as a Deployment's
 * rolling update: each value is a number of instances or a percentage of the tier's instances
 * ({@code 25%}). The fields are Strings so that {@code simianviz validate} reads any value and
 * names the problem itself; the CRD schema says int-or-string.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSpec {
  @JsonPropertyDescription(
      "Instances started above the tier's count while rolling: a number or a percentage of the"
          + " tier's instances, rounded up (default 25%).")
  @SchemaFrom(type = IntOrString.class)
  private String maxSurge;

  @JsonPropertyDescription(
      "Instances that may be out of service while rolling: a number or a percentage of the"
          + " tier's instances, rounded down (default 0). Not 0 when maxSurge is 0.")
  @SchemaFrom(type = IntOrString.class)
  private String maxUnavailable;

  public String getMaxSurge() {
    return maxSurge;
  }

  public void setMaxSurge(String maxSurge) {
    this.maxSurge = maxSurge;
  }

  public String getMaxUnavailable() {
    return maxUnavailable;
  }

  public void setMaxUnavailable(String maxUnavailable) {
    this.maxUnavailable = maxUnavailable;
  }
}
