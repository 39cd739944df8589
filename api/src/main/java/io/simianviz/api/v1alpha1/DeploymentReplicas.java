package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** One Deployment an outage scaled down, and the replica count it had before. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeploymentReplicas {
  @JsonPropertyDescription("Name of the Deployment, in the experiment's namespace.")
  private String name;

  @JsonPropertyDescription("Its spec.replicas before the outage: what it is scaled back to.")
  private Integer replicas;

  public DeploymentReplicas() {}

  public DeploymentReplicas(String name, Integer replicas) {
    this.name = name;
    this.replicas = replicas;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeploymentReplicas d
        && Objects.equals(name, d.name)
        && Objects.equals(replicas, d.replicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, replicas);
  }

  @Override
  public String toString() {
    return name + "=" + replicas;
  }
}
