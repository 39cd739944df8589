package io.simianviz.operator.desired;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The deny-all policy and one allow policy per tier; none when segmentation is off, so turning it
 * off deletes them.
 */
@KubernetesDependent(informer = @Informer(labelSelector = DesiredObjects.MANAGED_SELECTOR))
public class NetworkPoliciesDependent extends ManifestBulkDependent<NetworkPolicy> {
  public NetworkPoliciesDependent() {
    super(NetworkPolicy.class);
  }
}
