package io.simianviz.operator.desired;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * With the HPA alternative, one HorizontalPodAutoscaler per Deployment of an autoscaled tier; none
 * otherwise (switching back to the operator's own autoscaling deletes them).
 */
@KubernetesDependent(informer = @Informer(labelSelector = DesiredObjects.MANAGED_SELECTOR))
public class HorizontalPodAutoscalersDependent
    extends ManifestBulkDependent<HorizontalPodAutoscaler> {
  public HorizontalPodAutoscalersDependent() {
    super(HorizontalPodAutoscaler.class);
  }
}
