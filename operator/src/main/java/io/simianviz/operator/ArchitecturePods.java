package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSourceStartPriority;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.TierPackage;
import io.simianviz.operator.desired.DesiredObjects;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An informer on the pods of every architecture, the cache the pollers read: a traffic source's IP
 * is where /stats is read, a tier's running pod is where its segmentation probes start. The pods
 * belong to ReplicaSets, not to the Architecture, so they map back to it by their architecture
 * label (the Architecture's name, a DNS label, which is checked before any pod exists).
 *
 * <p>Pod events trigger no reconcile: pods change often, and what the status shows of them comes
 * through the pollers, whose changed results do. The one exception is a chaos isolate outage
 * labelling or unlabelling a pod, which the ChaosActive condition shows.
 */
final class ArchitecturePods {
  /** The value of the package label on traffic source pods. */
  private static final String SOURCE_PACKAGE =
      ResourceNames.labelValue(TierPackage.DENOMINATOR.spigoName());

  private final InformerEventSource<Pod, Architecture> informer;

  ArchitecturePods(EventSourceContext<Architecture> context) {
    InformerEventSourceConfiguration<Pod> configuration =
        InformerEventSourceConfiguration.from(Pod.class, Architecture.class)
            .withName("architecture-pods")
            .withLabelSelector(DesiredObjects.MANAGED_SELECTOR)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(ArchitecturePods::architectureOf)
            .withOnAddFilter(pod -> false)
            .withOnDeleteFilter((pod, unknownState) -> false)
            .withOnUpdateFilter(ArchitecturePods::isolationChanged)
            .build();
    informer = new InformerEventSource<>(configuration, context);
    // Synced before the pollers start, which read it from their first run on.
    informer.setEventSourcePriority(EventSourceStartPriority.RESOURCE_STATE_LOADER);
  }

  InformerEventSource<Pod, Architecture> eventSource() {
    return informer;
  }

  /** The architecture's pods, any tier, any phase. */
  List<Pod> of(Architecture architecture) {
    return List.copyOf(informer.getSecondaryResources(architecture));
  }

  /** The architecture's traffic source (denominator) pods. */
  List<Pod> trafficSources(Architecture architecture) {
    return of(architecture).stream()
        .filter(p -> SOURCE_PACKAGE.equals(p.getMetadata().getLabels().get(ManifestLabels.PACKAGE)))
        .toList();
  }

  private static boolean isolationChanged(Pod now, Pod before) {
    return !Objects.equals(isolation(now), isolation(before));
  }

  private static String isolation(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(ManifestLabels.ISOLATED);
  }

  private static Set<ResourceID> architectureOf(Pod pod) {
    String name = pod.getMetadata().getLabels().get(ManifestLabels.ARCHITECTURE);
    return name == null ? Set.of() : Set.of(new ResourceID(name, pod.getMetadata().getNamespace()));
  }
}
