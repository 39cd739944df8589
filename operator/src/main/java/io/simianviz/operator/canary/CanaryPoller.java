package io.simianviz.operator.canary;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.operator.ArchitecturePoller;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;

/**
 * Measures each architecture's judged canary ({@link CanaryMeter}) every {@code interval} on
 * threads of its own, and keeps each tier's latest window for the reconcile ({@code
 * context.getSecondaryResources(CanaryWindow.class)}); a new window triggers a reconcile, which
 * judges it. Reading the pods never delays a reconcile.
 */
public class CanaryPoller extends ArchitecturePoller<CanaryWindow> {
  private static final String NAME = "canary";

  /**
   * How often the meter looks: it reads the canary pods only once a tier's analysis interval has
   * passed, so a frequent look costs nothing and closes a window within a second of its end.
   */
  private static final Duration POLL = Duration.ofSeconds(1);

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
        NAME,
        architecture -> meter.measure(architecture, pods.apply(architecture)),
        POLL,
        CanaryWindow::tier);
    this.meter = meter;
  }

  @Override
  protected void forget(Architecture architecture) {
    meter.forget(architecture);
  }
}
