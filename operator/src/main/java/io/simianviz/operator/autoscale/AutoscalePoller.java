package io.simianviz.operator.autoscale;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.operator.ArchitecturePoller;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;

/**
 * Decides each architecture's autoscaled tiers every {@code autoscaling.interval} on threads of its
 * own, and keeps the decisions for the reconcile ({@code
 * context.getSecondaryResources(TierScale.class)}); a changed decision triggers a reconcile, which
 * applies the replicas through the Deployments dependent. Reading the pods never delays a
 * reconcile.
 */
public class AutoscalePoller extends ArchitecturePoller<TierScale> {
  private static final String NAME = "autoscale";

  private final ArchitectureAutoscaler autoscaler;

  /**
   * @param pods an architecture's pods, from an informer's cache
   */
  public AutoscalePoller(
      EventSourceContext<Architecture> context,
      ArchitectureAutoscaler autoscaler,
      Function<Architecture, Collection<Pod>> pods,
      Duration interval) {
    super(
        TierScale.class,
        context,
        NAME,
        architecture -> autoscaler.decide(architecture, pods.apply(architecture)),
        interval,
        TierScale::tier);
    this.autoscaler = autoscaler;
  }

  @Override
  protected void forget(Architecture architecture) {
    autoscaler.forget(architecture);
  }
}
