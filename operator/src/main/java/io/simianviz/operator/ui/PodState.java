package io.simianviz.operator.ui;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.topology.Instance;
import java.util.Map;

/** How the page sees a pod: its state, and the (tier, region, zone) group it is drawn in. */
final class PodState {
  private PodState() {}

  /** A pod's state as the page draws it. */
  static InstanceState of(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return InstanceState.DRAINING; // terminating
    }
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels != null && labels.containsKey(ManifestLabels.ISOLATED)) {
      return InstanceState.ISOLATED;
    }
    var status = pod.getStatus();
    if (status == null) {
      return InstanceState.STARTING;
    }
    if ("Failed".equals(status.getPhase()) || "Succeeded".equals(status.getPhase())) {
      return InstanceState.KILLED;
    }
    if (status.getContainerStatuses() != null
        && status.getContainerStatuses().stream()
            .anyMatch(c -> c.getState() != null && c.getState().getTerminated() != null)) {
      return InstanceState.KILLED;
    }
    boolean ready =
        status.getConditions() != null
            && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    return ready ? InstanceState.READY : InstanceState.STARTING;
  }

  /** The group of a pod, by its labels ("" without labels). */
  static String group(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null
        ? ""
        : group(
            labels.get(ManifestLabels.TIER),
            labels.get(ManifestLabels.REGION),
            labels.get(ManifestLabels.ZONE));
  }

  /** The group of a topology instance: the same key as its pods'. */
  static String group(Instance i) {
    return group(
        ResourceNames.tier(i.tier()),
        ResourceNames.regionLabel(i.region()),
        ResourceNames.zoneLabel(i.zone()));
  }

  private static String group(String tierLabel, String regionLabel, String zoneLabel) {
    return tierLabel + "/" + regionLabel + "/" + zoneLabel;
  }
}
