package io.simianviz.operator.desired;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.simianviz.api.v1alpha1.Architecture;

/** The one ServiceAccount the architecture's pods run as. */
@KubernetesDependent(informer = @Informer(labelSelector = DesiredObjects.MANAGED_SELECTOR))
public class ServiceAccountDependent
    extends CRUDKubernetesDependentResource<ServiceAccount, Architecture> {
  public ServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  protected ServiceAccount desired(Architecture primary, Context<Architecture> context) {
    return DesiredObjects.of(context).ofType(ServiceAccount.class).getFirst();
  }

  @Override
  public Result<ServiceAccount> match(
      ServiceAccount actual,
      ServiceAccount desired,
      Architecture primary,
      Context<Architecture> context) {
    boolean matched =
        DesiredObjects.sameHash(actual, desired)
            && super.match(actual, desired, primary, context).matched();
    return Result.computed(matched, desired);
  }
}
