package io.simianviz.operator.canary;

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
 * Measures each architecture's judged canary ({@link CanaryMeter}) every {@code interval} on
 * threads of its own, and keeps each tier's latest window for the reconcile ({@code
 * context.getSecondaryResources(CanaryWindow.class)}); a new window triggers a reconcile, which
 * judges it. Reading the pods never delays a reconcile.
 */
public class CanaryPoller
    extends PerResourcePollingEventSource<CanaryWindow, Architecture, String> {
  private static final String NAME = "canary";

  /** Architectures measured in parallel: each waits up to statsTimeout for its pods. */
  private static final int THREADS = 2;

  /**
   * How often the meter looks: it reads the canary pods only once a tier's analysis interval has
   * passed, so a frequent look costs nothing and closes a window within a second of its end.
   */
  private static final Duration POLL = Duration.ofSeconds(1);

  private final Cache<Architecture> architectures;
  private final CanaryMeter meter;

  /**
   * @param pods an architecture's pods, from an informer's cache
   */
  public CanaryPoller(
      EventSourceContext<Architecture> context,
      CanaryMeter meter,
      Function<Architecture, Collection<Pod>> pods) {
    super(
        CanaryWindow.class,
        context,
        new PerResourcePollingConfigurationBuilder<CanaryWindow, Architecture, String>(
                architecture -> meter.measure(architecture, pods.apply(architecture)), POLL)
            .withName(NAME)
            .withResourceIDMapper(CanaryWindow::tier)
            .withExecutorService(
                Executors.newScheduledThreadPool(
                    THREADS, Thread.ofPlatform().name("canary-poll-", 0).daemon().factory()))
            .build());
    this.architectures = context.getPrimaryCache();
    this.meter = meter;
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

  /** The last windows, never a poll on the reconcile thread. */
  @Override
  public Set<CanaryWindow> getSecondaryResources(Architecture primary) {
    return getSecondaryResources(ResourceID.fromResource(primary));
  }

  @Override
  public void onResourceDeleted(Architecture architecture) {
    super.onResourceDeleted(architecture);
    meter.forget(architecture);
  }
}
