package io.simianviz.operator.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.simianviz.api.v1alpha1.Architecture;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dependent for every object of one kind the builders make, keyed by name and namespace. JOSDK
 * creates the missing ones, updates the changed ones and deletes the ones the Architecture no
 * longer wants (a removed tier's Deployments and Services); owner references on each let Kubernetes
 * delete them all with the Architecture.
 */
abstract class ManifestBulkDependent<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, Architecture>
    implements KubernetesBulkDependentResource<R, Architecture> {

  protected ManifestBulkDependent(Class<R> type) {
    super(type);
  }

  @Override
  public Map<ResourceID, R> desiredResources(Architecture primary, Context<Architecture> context) {
    Map<ResourceID, R> desired = new LinkedHashMap<>();
    for (R object : DesiredObjects.of(context).ofType(resourceType())) {
      desired.put(ResourceID.fromResource(object), object);
    }
    return desired;
  }

  @Override
  public Result<R> match(R actual, R desired, Architecture primary, Context<Architecture> context) {
    boolean matched =
        DesiredObjects.sameHash(actual, desired)
            && super.match(actual, desired, primary, context).matched();
    return Result.computed(matched, desired);
  }
}
