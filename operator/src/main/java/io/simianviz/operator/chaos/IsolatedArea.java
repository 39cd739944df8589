package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.RestoreRecord;
import io.simianviz.model.TierPackage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the area of an {@code isolate} outage cut off while the outage lasts. The pods labelled at
 * the start are not all the area will hold: a Deployment replaces a pod that dies, a scale-up adds
 * some, and a pod without the label is one the segmentation allow policies still admit. So every
 * step of the outage (and every event of an unlabelled pod in the area, see {@link ExperimentPods})
 * records the area's pods the record lacks, and labels the recorded pods the cache shows without
 * the label. The area's pods are the architecture's pods the isolating policy selects (its region
 * and zone labels, not a traffic source), a canary's pods too. A newcomer is labelled one step
 * after it is recorded, as the pods at the start are: the record is written first, so a restore, by
 * a restarted operator too, unlabels every pod the outage labelled.
 */
final class IsolatedArea {
  private static final String SOURCE_PACKAGE =
      ResourceNames.labelValue(TierPackage.DENOMINATOR.spigoName());

  private final Outages outages;

  IsolatedArea(Outages outages) {
    this.outages = outages;
  }

  /**
   * Records the area's new pods and labels the recorded ones that lack the label.
   *
   * @param record the experiment's restore record, changed in place
   * @param pods the architecture's pods from the cache
   * @return whether pods were added to the record: the status must be written before they are
   *     labelled, so the experiment should be looked at again as soon as it is
   */
  boolean keep(ChaosExperiment experiment, RestoreRecord record, Collection<Pod> pods) {
    if (!isKept(record)) {
      return false;
    }
    outages.label(experiment, unlabelled(record, pods));
    List<String> newcomers = newcomers(record, inArea(record, pods));
    record.getIsolatedPods().addAll(newcomers);
    return !newcomers.isEmpty();
  }

  /** Whether the record is an isolate outage's that names its area (an older one does not). */
  static boolean isKept(RestoreRecord record) {
    return record != null
        && record.getNetworkPolicy() != null
        && record.getIsolatedRegion() != null;
  }

  /** The names of the pods in the record's area, in the order given. */
  static List<String> inArea(RestoreRecord record, Collection<Pod> pods) {
    return pods.stream().filter(p -> isIn(record, p)).map(p -> p.getMetadata().getName()).toList();
  }

  /** The area's pods the record lacks, in the order given. */
  static List<String> newcomers(RestoreRecord record, List<String> areaPods) {
    Set<String> recorded = Set.copyOf(record.getIsolatedPods());
    return areaPods.stream().filter(p -> !recorded.contains(p)).toList();
  }

  /**
   * The recorded pods that the cache holds without the label. A pod labelled by another experiment
   * counts as labelled: two outages over one pod must not relabel it in turn every second.
   */
  static List<String> unlabelled(RestoreRecord record, Collection<Pod> pods) {
    Set<String> bare =
        pods.stream()
            .filter(p -> label(p, ManifestLabels.ISOLATED) == null)
            .map(p -> p.getMetadata().getName())
            .collect(Collectors.toSet());
    return record.getIsolatedPods().stream().filter(bare::contains).toList();
  }

  /**
   * Whether a pod would be cut off by this record's area but is not labelled: the area's region and
   * zone labels, not a traffic source, no isolated label. The pod informer's events of such a pod
   * move its experiment on, so a newcomer is labelled as soon as it is seen.
   */
  static boolean isUnlabelledIn(RestoreRecord record, Pod pod) {
    return isKept(record) && label(pod, ManifestLabels.ISOLATED) == null && isIn(record, pod);
  }

  /**
   * Whether the isolating policy selects the pod (of the architecture): region, zone, no source.
   */
  private static boolean isIn(RestoreRecord record, Pod pod) {
    return !SOURCE_PACKAGE.equals(label(pod, ManifestLabels.PACKAGE))
        && ResourceNames.regionLabel(record.getIsolatedRegion())
            .equals(label(pod, ManifestLabels.REGION))
        && (record.getIsolatedZone() == null
            || ResourceNames.zoneLabel(record.getIsolatedZone())
                .equals(label(pod, ManifestLabels.ZONE)));
  }

  private static String label(Pod pod, String key) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }
}
