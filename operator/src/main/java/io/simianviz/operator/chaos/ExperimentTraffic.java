package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.operator.traffic.TrafficSources;
import io.simianviz.operator.traffic.TrafficStatsClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Reads the settled counters of each running experiment's traffic sources every {@code
 * experimentInterval} (1 s), on threads of its own, and keeps their sum for the reconcile ({@code
 * context.getSecondaryResource(SettledTraffic.class)}); a changed sum triggers a reconcile. The
 * Architecture's own poller reads every 30 s for its status; an experiment's windows need finer
 * readings, and only while it runs, so experiments have this one.
 *
 * <p>A reading is the sum over every traffic source pod, or nothing: a pod that does not answer or
 * reports no settled counters leaves the experiment waiting (and, past the machine's patience,
 * failing), never judging by part of the traffic.
 */
public class ExperimentTraffic
    extends PerResourcePollingEventSource<SettledTraffic, ChaosExperiment, String> {
  private static final Logger LOG = Logger.getLogger(ExperimentTraffic.class);
  private static final int THREADS = 2;

  private final Cache<ChaosExperiment> experiments;

  /**
   * @param sources the traffic source pods of a running experiment's architecture (none when it is
   *     not running, so nothing is read)
   */
  public ExperimentTraffic(
      EventSourceContext<ChaosExperiment> context,
      TrafficStatsClient client,
      Function<ChaosExperiment, List<Pod>> sources,
      Duration interval) {
    super(
        SettledTraffic.class,
        context,
        new PerResourcePollingConfigurationBuilder<SettledTraffic, ChaosExperiment, String>(
                experiment -> fetch(client, sources.apply(experiment), experiment), interval)
            .withName("experiment-traffic")
            .withResourceIDMapper(SettledTraffic::experiment)
            .withExecutorService(
                Executors.newScheduledThreadPool(
                    THREADS, Thread.ofPlatform().name("experiment-poll-", 0).daemon().factory()))
            .build());
    this.experiments = context.getPrimaryCache();
  }

  /** Registers the experiments known before this source started (see TrafficPoller). */
  @Override
  public synchronized void start() {
    super.start();
    experiments.list().forEach(super::onResourceCreated);
  }

  @Override
  public synchronized void onResourceCreated(ChaosExperiment experiment) {
    if (isRunning()) {
      super.onResourceCreated(experiment);
    }
  }

  @Override
  public synchronized void onResourceUpdated(ChaosExperiment experiment, ChaosExperiment previous) {
    if (isRunning()) {
      super.onResourceUpdated(experiment, previous);
    }
  }

  /** What the polls fetched, never a fetch on the reconcile thread. */
  @Override
  public Set<SettledTraffic> getSecondaryResources(ChaosExperiment primary) {
    return getSecondaryResources(ResourceID.fromResource(primary));
  }

  private static Set<SettledTraffic> fetch(
      TrafficStatsClient client, List<Pod> pods, ChaosExperiment experiment) {
    return sum(client, pods)
        .map(r -> Set.of(new SettledTraffic(experiment.getMetadata().getUid(), r)))
        .orElse(Set.of());
  }

  /** The sum of every pod's settled counters, or empty unless every pod gave them. */
  static Optional<TrafficReading> sum(TrafficStatsClient client, List<Pod> pods) {
    TrafficReading total = null;
    for (Pod pod : pods) {
      Optional<TrafficReading> one = read(client, pod);
      if (one.isEmpty()) {
        return Optional.empty();
      }
      total = total == null ? one.get() : total.plus(one.get());
    }
    return Optional.ofNullable(total);
  }

  private static Optional<TrafficReading> read(TrafficStatsClient client, Pod pod) {
    String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    if (ip == null || ip.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(client.read(ip, TrafficSources.adminPort(pod)).settled());
    } catch (IOException | RuntimeException e) {
      LOG.debugf("traffic source %s not read: %s", pod.getMetadata().getName(), e);
      return Optional.empty();
    }
  }
}
