package io.simianviz.operator.segmentation;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.segmentation.ProbeOutcome;
import io.simianviz.api.segmentation.SegmentationProbe;
import io.simianviz.api.segmentation.SegmentationResult;
import io.simianviz.operator.OperatorConfig;
import io.simianviz.operator.traffic.TrafficSources;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Runs a plan's probes, each through one running pod of its calling tier, at most {@code
 * probeConcurrency} at a time. A tier without a running pod, or a pod that cannot be asked, gives
 * an outcome that meets no expectation ({@code no-pod}, {@code error}), never an exception: the
 * probes are information, and a round ends with an outcome for every probe.
 */
@ApplicationScoped
public class ProbeRunner {
  private static final Logger LOG = Logger.getLogger(ProbeRunner.class);

  private final SegmentationProber prober;
  private final int concurrency;

  public ProbeRunner(SegmentationProber prober, OperatorConfig config) {
    this.prober = prober;
    this.concurrency = config.probeConcurrency();
  }

  /**
   * Runs the probes from the pods they start at.
   *
   * @param pods the architecture's pods (any tier, any phase)
   */
  public SegmentationResult run(List<SegmentationProbe> probes, List<Pod> pods) {
    if (probes.isEmpty()) {
      return new SegmentationResult(List.of());
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, probes.size()));
    try {
      List<Future<ProbeOutcome>> running =
          probes.stream().map(p -> pool.submit(() -> probe(p, pods))).toList();
      return new SegmentationResult(running.stream().map(ProbeRunner::outcome).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  private ProbeOutcome probe(SegmentationProbe probe, List<Pod> pods) {
    Optional<Pod> from = callingPod(probe.fromTier(), pods);
    if (from.isEmpty()) {
      return new ProbeOutcome(probe, ProbeOutcome.NO_POD, -1);
    }
    String ip = from.get().getStatus().getPodIP();
    int port = TrafficSources.adminPort(from.get());
    try {
      return prober.probe(ip, port, probe);
    } catch (IOException | RuntimeException e) {
      LOG.debugf("probe %s through %s:%d failed: %s", probe.edge(), ip, port, e);
      return new ProbeOutcome(probe, ProbeOutcome.ERROR, -1);
    }
  }

  private static ProbeOutcome outcome(Future<ProbeOutcome> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while probing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a probe threw although it catches", e.getCause());
    }
  }

  /** The first (by name) running pod of a tier that has an IP, a ready one when there is one. */
  static Optional<Pod> callingPod(String tier, List<Pod> pods) {
    String label = ResourceNames.tier(tier);
    return pods.stream()
        .filter(p -> label.equals(p.getMetadata().getLabels().get(ManifestLabels.TIER)))
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .filter(p -> p.getStatus().getPodIP() != null && !p.getStatus().getPodIP().isEmpty())
        .min(
            Comparator.comparing((Pod p) -> !ready(p))
                .thenComparing(p -> p.getMetadata().getName()));
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
