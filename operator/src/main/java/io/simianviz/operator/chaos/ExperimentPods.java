package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.model.TierPackage;
import io.simianviz.operator.desired.DesiredObjects;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chaos controller's cache of the architectures' pods (the managed-by label): the victims to
 * choose from, and the traffic sources to read. Pod events trigger no reconcile: an experiment
 * moves on its own schedule and on its traffic readings.
 */
final class ExperimentPods {
  private static final String SOURCE_PACKAGE =
      ResourceNames.labelValue(TierPackage.DENOMINATOR.spigoName());

  private final InformerEventSource<Pod, ChaosExperiment> informer;

  ExperimentPods(EventSourceContext<ChaosExperiment> context) {
    informer =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, ChaosExperiment.class)
                .withName("experiment-pods")
                .withLabelSelector(DesiredObjects.MANAGED_SELECTOR)
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(pod -> Set.of())
                .withGenericFilter(pod -> false)
                .build(),
            context);
  }

  InformerEventSource<Pod, ChaosExperiment> eventSource() {
    return informer;
  }

  /** Every pod labelled as the architecture's, in its namespace. */
  List<Pod> of(String namespace, String architecture) {
    return informer
        .list(namespace, p -> architecture.equals(label(p, ManifestLabels.ARCHITECTURE)))
        .toList();
  }

  /** The traffic sources of a running experiment's architecture; none when it is not running. */
  List<Pod> trafficSources(ChaosExperiment experiment) {
    String architecture = experiment.getSpec().getArchitectureRef();
    if (architecture == null || !ExperimentStep.isRunning(experiment)) {
      return List.of();
    }
    return of(experiment.getMetadata().getNamespace(), architecture).stream()
        .filter(p -> SOURCE_PACKAGE.equals(label(p, ManifestLabels.PACKAGE)))
        .toList();
  }

  private static String label(Pod pod, String key) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }
}
