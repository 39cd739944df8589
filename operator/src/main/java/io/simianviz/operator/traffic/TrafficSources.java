package io.simianviz.operator.traffic;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.manifest.NanoservicePod;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.TrafficSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reads every traffic source pod of an architecture and sums their figures. A pod that cannot be
 * read counts with its last reading (none if never read); when no pod has ever been read, the
 * summary the status already shows stays. Failures are logged, never thrown: the traffic summary is
 * information, not a reason to stop polling. The traffic poller calls {@link #read}, the reconcile
 * {@link #summary}.
 */
@ApplicationScoped
public class TrafficSources {
  private static final Logger LOG = Logger.getLogger(TrafficSources.class);

  private final TrafficStatsClient client;

  /** Last reading per pod UID, per architecture (namespace/name). */
  private final Map<String, Map<String, TrafficReading>> lastReadings = new ConcurrentHashMap<>();

  public TrafficSources(TrafficStatsClient client) {
    this.client = client;
  }

  /**
   * Reads every pod; a pod that does not answer keeps its last reading.
   *
   * @param pods the architecture's traffic source pods
   * @return the last reading of each pod that has ever answered
   */
  public Set<SourceReading> read(Architecture architecture, Collection<Pod> pods) {
    String key = key(architecture);
    if (pods.isEmpty()) {
      lastReadings.remove(key);
      return Set.of();
    }
    Map<String, TrafficReading> readings =
        lastReadings.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    Set<String> current =
        pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
    readings.keySet().retainAll(current);
    for (Pod pod : pods) {
      read(pod).ifPresent(r -> readings.put(pod.getMetadata().getUid(), r));
    }
    return readings.entrySet().stream()
        .map(e -> new SourceReading(e.getKey(), e.getValue()))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Reads every pod and sums what is known.
   *
   * @param pods the architecture's traffic source pods
   * @param last the summary the status shows now (may be null)
   */
  public TrafficSummary summarize(
      Architecture architecture, Collection<Pod> pods, TrafficSummary last) {
    return summary(read(architecture, pods), last);
  }

  /** The sum of the readings; while there are none, the summary the status shows (may be null). */
  public static TrafficSummary summary(Collection<SourceReading> readings, TrafficSummary last) {
    return readings.isEmpty()
        ? last
        : TrafficTotals.of(readings.stream().map(SourceReading::reading).toList());
  }

  /** Drops what is remembered of a deleted architecture. */
  public void forget(Architecture architecture) {
    lastReadings.remove(key(architecture));
  }

  private static String key(Architecture architecture) {
    return architecture.getMetadata().getNamespace() + "/" + architecture.getMetadata().getName();
  }

  private Optional<TrafficReading> read(Pod pod) {
    String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    if (ip == null || ip.isEmpty()) {
      return Optional.empty();
    }
    int port = adminPort(pod);
    try {
      return Optional.of(client.read(ip, port));
    } catch (IOException | RuntimeException e) {
      LOG.debugf(
          "traffic source %s (%s:%d) not read: %s", pod.getMetadata().getName(), ip, port, e);
      return Optional.empty();
    }
  }

  /** The container port named {@code admin}, as the builders name it; the default otherwise. */
  public static int adminPort(Pod pod) {
    return pod.getSpec() == null
        ? ManifestOptions.DEFAULT_ADMIN_PORT
        : pod.getSpec().getContainers().stream()
            .map(Container::getPorts)
            .filter(ports -> ports != null)
            .flatMap(List::stream)
            .filter(p -> NanoservicePod.ADMIN_PORT_NAME.equals(p.getName()))
            .map(ContainerPort::getContainerPort)
            .findFirst()
            .orElse(ManifestOptions.DEFAULT_ADMIN_PORT);
  }
}
