package io.simianviz.operator;

import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource.ResourceFetcher;
import io.simianviz.api.v1alpha1.Architecture;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * An event source that reads something of each architecture's pods on threads of its own and keeps
 * the results for the reconcile; a result that changed triggers a reconcile. A slow or hanging pod
 * delays the next poll, never a reconcile. The traffic, autoscale and canary pollers are this with
 * their own fetcher.
 */
public abstract class ArchitecturePoller<R>
    extends PerResourcePollingEventSource<R, Architecture, String> {
  /** Architectures polled in parallel: each poll may wait up to statsTimeout per pod. */
  private static final int THREADS = 2;

  private final Cache<Architecture> architectures;

  /**
   * @param name the event source's name, also its threads' prefix
   * @param id what tells two results of one architecture apart
   */
  protected ArchitecturePoller(
      Class<R> type,
      EventSourceContext<Architecture> context,
      String name,
      ResourceFetcher<R, Architecture> fetcher,
      Duration interval,
      ResourceIDMapper<R, String> id) {
    super(
        type,
        context,
        new PerResourcePollingConfigurationBuilder<R, Architecture, String>(fetcher, interval)
            .withName(name)
            .withResourceIDMapper(id)
            .withExecutorService(
                Executors.newScheduledThreadPool(
                    THREADS, Thread.ofPlatform().name(name + "-poll-", 0).daemon().factory()))
            .build());
    this.architectures = context.getPrimaryCache();
  }

  /** Drops what the poller keeps about an architecture that is gone. */
  protected abstract void forget(Architecture architecture);

  /**
   * Registers every architecture the controller already knows: their events came before this source
   * started, and a poll that runs before the start ends its architecture's polling for good.
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

  /**
   * What the polls fetched, and nothing else: before an architecture's first poll the base class
   * would read its pods here, on the reconcile thread.
   */
  @Override
  public Set<R> getSecondaryResources(Architecture primary) {
    return getSecondaryResources(ResourceID.fromResource(primary));
  }

  @Override
  public void onResourceDeleted(Architecture architecture) {
    super.onResourceDeleted(architecture);
    forget(architecture);
  }
}
