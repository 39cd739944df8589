package io.simianviz.operator.autoscale;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.simianviz.api.v1alpha1.Architecture;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Decides each architecture's autoscaled tiers every {@code autoscaling.interval} on threads of its
 * own, and keeps the decisions for the reconcile ({@code
 * context.getSecondaryResources(TierScale.class)}); a changed decision triggers a reconcile, which
 * applies the replicas through the Deployments dependent. Reading the pods never delays a
 * reconcile.
 */
public class AutoscalePoller
    extends PerResourcePollingEventSource<TierScale, Architecture, String> {
  private static final String NAME = "autoscale";

  /** Architectures decided in parallel: each waits up to statsTimeout for its pods. */
  private static final int THREADS = 2;

  private final Cache<Architecture> architectures;
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
        new PerResourcePollingConfigurationBuilder<TierScale, Architecture, String>(
                architecture -> autoscaler.decide(architecture, pods.apply(architecture)), interval)
            .withName(NAME)
            .withResourceIDMapper(TierScale::tier)
            .withExecutorService(
                Executors.newScheduledThreadPool(
                    THREADS, Thread.ofPlatform().name("autoscale-poll-", 0).daemon().factory()))
            .build());
    this.architectures = context.getPrimaryCache();
    this.autoscaler = autoscaler;
  }

  /**
   * Registers every architecture the controller already knows: their events came before this source
   * started (as the traffic poller does).
   */
  @Override
  public synchronized void start() {
    super.start();
    architectures.list().forEach(super::onResourceCreated);
  }

  @Override
  public synchronized void onResourceCreated(Architecture architecture) {
    if (isRunning()) {
      super.onResourceCreated(architecture);
    }
  }

  @Override
  public synchronized void onResourceUpdated(Architecture architecture, Architecture previous) {
    if (isRunning()) {
      super.onResourceUpdated(architecture, previous);
    }
  }

  /** The last decisions, never a poll on the reconcile thread. */
  @Override
  public Set<TierScale> getSecondaryResources(Architecture primary) {
    return getSecondaryResources(ResourceID.fromResource(primary));
  }

  @Override
  public void onResourceDeleted(Architecture architecture) {
    super.onResourceDeleted(architecture);
    autoscaler.forget(architecture);
  }
}
