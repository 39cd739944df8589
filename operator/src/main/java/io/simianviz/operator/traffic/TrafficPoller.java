package io.simianviz.operator.traffic;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.operator.ArchitecturePoller;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads each architecture's traffic sources every {@code trafficInterval} on threads of its own and
 * keeps the readings for the reconcile ({@code
 * context.getSecondaryResources(SourceReading.class)}); a reading that changed triggers a
 * reconcile. A slow or hanging pod delays the next poll, never a reconcile.
 */
public class TrafficPoller extends ArchitecturePoller<SourceReading> {
  private static final String NAME = "traffic";

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
        NAME,
        new Fetcher(sources, pods),
        interval,
        SourceReading::pod);
    this.sources = sources;
  }

  @Override
  protected void forget(Architecture architecture) {
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
