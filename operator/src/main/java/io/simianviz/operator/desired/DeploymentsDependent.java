package io.simianviz.operator.desired;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** One Deployment per (tier, region, zone) with pods; the traffic sources' included. */
@KubernetesDependent(informer = @Informer(labelSelector = DesiredObjects.MANAGED_SELECTOR))
public class DeploymentsDependent extends ManifestBulkDependent<Deployment> {
  public DeploymentsDependent() {
    super(Deployment.class);
  }
}
