package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.TierPackage;
import io.simianviz.operator.desired.DesiredObjects;
import java.util.Set;

/**
 * An informer on the traffic source (denominator) pods: their IPs are where /stats is read. The
 * pods belong to ReplicaSets, not to the Architecture, so they map back to it by their architecture
 * label (the Architecture's name, a DNS label, which is checked before any pod exists).
 */
final class TrafficSourcePods {
  /** The value of the package label on traffic source pods and Deployments. */
  static final String SOURCE_PACKAGE =
      ResourceNames.labelValue(TierPackage.DENOMINATOR.spigoName());

  static final String SELECTOR =
      DesiredObjects.MANAGED_SELECTOR + "," + ManifestLabels.PACKAGE + "=" + SOURCE_PACKAGE;

  private TrafficSourcePods() {}

  static InformerEventSource<Pod, Architecture> eventSource(
      EventSourceContext<Architecture> context) {
    InformerEventSourceConfiguration<Pod> configuration =
        InformerEventSourceConfiguration.from(Pod.class, Architecture.class)
            .withName("traffic-source-pods")
            .withLabelSelector(SELECTOR)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(TrafficSourcePods::architectureOf)
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  private static Set<ResourceID> architectureOf(Pod pod) {
    String name = pod.getMetadata().getLabels().get(ManifestLabels.ARCHITECTURE);
    return name == null ? Set.of() : Set.of(new ResourceID(name, pod.getMetadata().getNamespace()));
  }
}
