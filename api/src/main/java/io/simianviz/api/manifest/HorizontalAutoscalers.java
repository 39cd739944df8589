package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.AutoscaleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alternative to the operator's own autoscaling: an {@code autoscaling/v2}
 * HorizontalPodAutoscaler on CPU per Deployment of an autoscaled tier. Its min and max are the
 * tier's, per region, split over the zone Deployments as a count is; an HPA needs at least one
 * replica, so a zone that the tier's min leaves empty still runs one. The tier's stabilization
 * window is the HPA's scale-down window, as the operator's own autoscaling uses it.
 */
final class HorizontalAutoscalers {
  private HorizontalAutoscalers() {}

  /**
   * One HPA per Deployment of the autoscaled tiers, named as the Deployment.
   *
   * @param architecture the Architecture's name
   * @param spec the spec as written (the autoscaled tiers' min and max)
   * @param deployments the Deployments the builders made
   * @param cpuUtilization the average CPU utilization to keep, percent of the pods' request
   */
  static List<HorizontalPodAutoscaler> of(
      String architecture,
      ArchitectureSpec spec,
      List<Deployment> deployments,
      int cpuUtilization) {
    List<HorizontalPodAutoscaler> out = new ArrayList<>();
    for (TierSpec tier : AutoscaledTiers.of(spec)) {
      AutoscaleSpec a = tier.getAutoscale();
      Map<String, Integer> mins =
          AutoscaledTiers.replicas(architecture, spec, tier.getName(), a.getMin());
      Map<String, Integer> maxs =
          AutoscaledTiers.replicas(architecture, spec, tier.getName(), a.getMax());
      long window =
          Durations.parse(
                  a.getStabilizationWindow() == null
                      ? Defaults.AUTOSCALE_STABILIZATION
                      : a.getStabilizationWindow())
              .toSeconds();
      for (Deployment d : deployments) {
        String name = d.getMetadata().getName();
        if (!mins.containsKey(name)) {
          continue;
        }
        int min = Math.max(1, mins.get(name));
        int max = Math.max(min, maxs.getOrDefault(name, 0));
        out.add(hpa(d, min, max, cpuUtilization, (int) Math.min(window, 3600)));
      }
    }
    return out;
  }

  private static HorizontalPodAutoscaler hpa(
      Deployment d, int min, int max, int cpuUtilization, int windowSeconds) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(d.getMetadata().getName())
        .withNamespace(d.getMetadata().getNamespace())
        .withLabels(d.getMetadata().getLabels())
        .withAnnotations(
            Map.of(
                ManifestLabels.TIER_NAME_ANNOTATION,
                d.getMetadata().getAnnotations().get(ManifestLabels.TIER_NAME_ANNOTATION)))
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(d.getMetadata().getName())
        .endScaleTargetRef()
        .withMinReplicas(min)
        .withMaxReplicas(max)
        .addNewMetric()
        .withType("Resource")
        .withNewResource()
        .withName("cpu")
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(cpuUtilization)
        .endTarget()
        .endResource()
        .endMetric()
        .withNewBehavior()
        .withNewScaleDown()
        .withStabilizationWindowSeconds(windowSeconds)
        .endScaleDown()
        .endBehavior()
        .endSpec()
        .build();
  }
}
