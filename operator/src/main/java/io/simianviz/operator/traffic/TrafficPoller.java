package io.simianviz.operator.traffic;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.simianviz.api.v1alpha1.Architecture;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Reads each architecture's traffic sources every {@code trafficInterval} on threads of its own and
 * keeps the readings for the reconcile ({@code
 * context.getSecondaryResources(SourceReading.class)}); a reading that changed triggers a
 * reconcile. A slow or hanging pod delays the next poll, never a reconcile.
 */
public class TrafficPoller
    extends PerResourcePollingEventSource<SourceReading, Architecture, String> {
  private static final String NAME = "traffic";

  /** Polls of different architectures in parallel: each waits up to statsTimeout per pod. */
  private static final int THREADS = 2;

  private final Cache<Architecture> architectures;
  private final TrafficSources sources;

  /**
   * @param pods an architecture's traffic source pods, from an informer's cache
   */
  public TrafficPoller(
      EventSourceContext<Architecture> context,
      TrafficSources sources,
      Function<Architecture, Collection<Pod>> pods,
      Duration interval) {
    super(
        SourceReading.class,
        context,
        new PerResourcePollingConfigurationBuilder<SourceReading, Architecture, String>(
                new Fetcher(sources, pods), interval)
            .withName(NAME)
            .withResourceIDMapper(SourceReading::pod)
            .withExecutorService(
                Executors.newScheduledThreadPool(
                    THREADS, Thread.ofPlatform().name("traffic-poll-", 0).daemon().factory()))
            .build());
    this.architectures = context.getPrimaryCache();
    this.sources = sources;
  }

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
  public Set<SourceReading> getSecondaryResources(Architecture primary) {
    return getSecondaryResources(ResourceID.fromResource(primary));
  }

  @Override
  public void onResourceDeleted(Architecture architecture) {
    super.onResourceDeleted(architecture);
    sources.forget(architecture);
  }

  private record Fetcher(TrafficSources sources, Function<Architecture, Collection<Pod>> pods)
      implements ResourceFetcher<SourceReading, Architecture> {
    @Override
    public Set<SourceReading> fetchResources(Architecture architecture) {
      return sources.read(architecture, pods.apply(architecture));
    }

    /** The first poll at once, so a restarted operator shows figures without waiting a period. */
    @Override
    public Optional<Duration> fetchDelay(Set<SourceReading> last, Architecture architecture) {
      return last == null ? Optional.of(Duration.ZERO) : Optional.empty();
    }
  }
}
