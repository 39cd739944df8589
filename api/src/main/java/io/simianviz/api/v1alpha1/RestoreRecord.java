package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an outage changed on the cluster, recorded in the experiment's status before the change is
 * made: a {@code stop} scales Deployments to 0 (their replica counts are kept here), an {@code
 * isolate} labels the area's pods and creates a NetworkPolicy (their names are kept here, with the
 * area, so that a pod starting in it during the outage is recorded and labelled too). An operator
 * restarted mid-experiment reads it back and restores.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreRecord {
  @JsonPropertyDescription(
      "Deployments scaled to 0 by a stop outage, with the replica counts to scale them back to.")
  private List<DeploymentReplicas> deployments = new ArrayList<>();

  @JsonPropertyDescription(
      "Name of the NetworkPolicy an isolate outage created, in the experiment's namespace; deleted"
          + " to restore.")
  private String networkPolicy;

  @JsonPropertyDescription(
      "Pods an isolate outage labelled simianviz.io/isolated, so that the architecture's"
          + " segmentation allow policies leave them out; the label is removed to restore.")
  private List<String> isolatedPods = new ArrayList<>();

  @JsonPropertyDescription(
      "Region of the area an isolate outage cut off (a kong's region, a gorilla zone's region):"
          + " pods of the architecture that start in it during the outage are recorded in"
          + " isolatedPods and labelled too.")
  private String isolatedRegion;

  @JsonPropertyDescription(
      "Zone of the area a gorilla isolate outage cut off, in isolatedRegion; none for a kong,"
          + " which cuts off the whole region.")
  private String isolatedZone;

  public List<DeploymentReplicas> getDeployments() {
    return deployments;
  }

  public void setDeployments(List<DeploymentReplicas> deployments) {
    this.deployments = deployments == null ? new ArrayList<>() : new ArrayList<>(deployments);
  }

  public String getNetworkPolicy() {
    return networkPolicy;
  }

  public void setNetworkPolicy(String networkPolicy) {
    this.networkPolicy = networkPolicy;
  }

  public List<String> getIsolatedPods() {
    return isolatedPods;
  }

  public void setIsolatedPods(List<String> isolatedPods) {
    this.isolatedPods = isolatedPods == null ? new ArrayList<>() : new ArrayList<>(isolatedPods);
  }

  public String getIsolatedRegion() {
    return isolatedRegion;
  }

  public void setIsolatedRegion(String isolatedRegion) {
    this.isolatedRegion = isolatedRegion;
  }

  public String getIsolatedZone() {
    return isolatedZone;
  }

  public void setIsolatedZone(String isolatedZone) {
    this.isolatedZone = isolatedZone;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestoreRecord r
        && deployments.equals(r.deployments)
        && Objects.equals(networkPolicy, r.networkPolicy)
        && isolatedPods.equals(r.isolatedPods)
        && Objects.equals(isolatedRegion, r.isolatedRegion)
        && Objects.equals(isolatedZone, r.isolatedZone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(deployments, networkPolicy, isolatedPods, isolatedRegion, isolatedZone);
  }
}
