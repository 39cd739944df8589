package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.TrafficSummary;
import io.simianviz.operator.autoscale.AutoscaleTargets;
import io.simianviz.operator.segmentation.ProbeRound;
import io.simianviz.operator.segmentation.SegmentationCheck;
import io.simianviz.operator.status.ArchitectureStatusAggregator;
import io.simianviz.operator.status.ChaosActivity;
import io.simianviz.operator.traffic.SourceReading;
import io.simianviz.operator.traffic.TrafficSources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The status of a valid Architecture as a reconcile observes it: tiers and conditions from its
 * Deployments against the desired ones, the traffic the pollers read last (a change there is what
 * triggers the reconcile), the autoscaler's decisions, the segmentation probes' latest round and
 * the chaos outages in effect. The monkey's strikes and the transition's stage are added by the
 * reconciler, which acts on them.
 */
final class ObservedStatus {
  private ObservedStatus() {}

  static ArchitectureStatus of(
      Architecture architecture,
      long generation,
      List<Deployment> desiredDeployments,
      AutoscaleTargets scaling,
      List<Pod> pods,
      Context<Architecture> context,
      Instant now) {
    ArchitectureStatus previous = architecture.getStatus();
    Map<String, Deployment> actual =
        context
            .getSecondaryResourcesAsStream(Deployment.class)
            .collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity()));
    TrafficSummary traffic =
        TrafficSources.summary(
            context.getSecondaryResources(SourceReading.class),
            previous == null ? null : previous.getTraffic());
    ArchitectureStatus status =
        ArchitectureStatusAggregator.valid(
            previous,
            generation,
            AutoscaleTargets.observed(desiredDeployments, actual),
            actual,
            traffic,
            now);
    status.setAutoscale(scaling.status());
    SegmentationCheck.update(
        architecture, status, generation, context.getSecondaryResource(ProbeRound.class), now);
    ChaosActivity.update(status, generation, actual.values(), pods, now);
    return status;
  }
}
