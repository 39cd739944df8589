package io.simianviz.operator.desired;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The tier Services, the headless discovery Services and the elb tiers' Services. */
@KubernetesDependent(informer = @Informer(labelSelector = DesiredObjects.MANAGED_SELECTOR))
public class ServicesDependent extends ManifestBulkDependent<Service> {
  public ServicesDependent() {
    super(Service.class);
  }
}
