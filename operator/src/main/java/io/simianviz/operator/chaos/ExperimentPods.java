package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.model.TierPackage;
import io.simianviz.model.chaos.ExperimentPhase;
import io.simianviz.operator.desired.DesiredObjects;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chaos controller's cache of the architectures' pods (the managed-by label): the victims to
 * choose from, and the traffic sources to read. An experiment moves on its own schedule and on its
 * traffic readings, so pod events trigger no reconcile, except for a pod without the isolated label
 * in the area of an isolate outage in effect: its experiment labels it at once ({@link
 * IsolatedArea}) instead of at its next step.
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
                .withSecondaryToPrimaryMapper(pod -> isolating(context, pod))
                // no index from experiments to pods: the mapper's answer changes with the
                // experiments' status, and the pods are read by architecture (of) anyway
                .withPrimaryToSecondaryMapper((ChaosExperiment e) -> Set.of())
                .build(),
            context);
  }

  /** The experiments whose isolate outage in effect should cut off this unlabelled pod. */
  private static Set<ResourceID> isolating(EventSourceContext<ChaosExperiment> context, Pod pod) {
    String architecture = label(pod, ManifestLabels.ARCHITECTURE);
    if (architecture == null || label(pod, ManifestLabels.ISOLATED) != null) {
      return Set.of();
    }
    return context
        .getPrimaryCache()
        .list(
            pod.getMetadata().getNamespace(),
            e ->
                architecture.equals(e.getSpec().getArchitectureRef())
                    && e.getStatus() != null
                    && e.getStatus().getPhase() == ExperimentPhase.During
                    && IsolatedArea.isUnlabelledIn(e.getStatus().getRestore(), pod))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
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
