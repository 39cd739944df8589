package io.simianviz.operator.canary;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.manifest.CanaryDeployments;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.evolution.CanaryStatus;
import io.simianviz.api.v1alpha1.evolution.TransitionStatus;
import io.simianviz.model.evolution.CanaryPolicy;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.operator.autoscale.PodMetricsReader;
import io.simianviz.operator.autoscale.ServedFigures;
import io.simianviz.operator.autoscale.ServedWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the canary pods of a judged canary and closes a window per tier every analysis interval:
 * the first reading after judging started is the baseline, each later one an interval's end. The
 * readings live here, on the poller's threads; the reconcile only sees the windows, and keeps the
 * judged ones in the status (a restarted operator takes a new baseline and carries on).
 */
@ApplicationScoped
public class CanaryMeter {
  private record Baseline(String startedAt, long atMillis, Map<String, ServedFigures> figures) {}

  private final PodMetricsReader reader;
  private final Clock clock;

  /** Per architecture (namespace/name), per tier. */
  private final Map<String, Map<String, Baseline>> baselines = new ConcurrentHashMap<>();

  private final Map<String, Map<String, CanaryWindow>> windows = new ConcurrentHashMap<>();

  public CanaryMeter(PodMetricsReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  /** The latest window of each judged tier; none when no canary is being judged. */
  public Set<CanaryWindow> measure(Architecture architecture, Collection<Pod> pods) {
    String key = key(architecture);
    TransitionStatus t =
        architecture.getStatus() == null ? null : architecture.getStatus().getTransition();
    CanaryStatus canary = t == null ? null : t.getCanary();
    if (canary == null || !"judging".equals(canary.getPhase()) || canary.getStartedAt() == null) {
      forget(architecture);
      return Set.of();
    }
    Map<String, Baseline> byTier = baselines.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    Map<String, CanaryWindow> last = windows.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    long now = clock.millis();
    for (String tier : canary.getTiers()) {
      TierSpec spec = tier(architecture, tier);
      if (spec == null || spec.getCanary() == null) {
        continue; // superseded by a spec without it: the reconcile ends this canary
      }
      long interval = CanaryPolicy.of(spec.getCanary()).interval().toMillis();
      Baseline b = byTier.get(tier);
      if (b != null
          && b.startedAt().equals(canary.getStartedAt())
          && now - b.atMillis() < interval) {
        continue;
      }
      Map<String, ServedFigures> figures = reader.read(canaryPods(pods, tier));
      if (b != null && b.startedAt().equals(canary.getStartedAt())) {
        last.put(
            tier, new CanaryWindow(tier, ServedWindow.of(b.figures(), figures, b.atMillis(), now)));
      } else {
        last.remove(tier);
      }
      byTier.put(tier, new Baseline(canary.getStartedAt(), now, figures));
    }
    return new HashSet<>(last.values());
  }

  /** Drops what is remembered of an architecture. */
  public void forget(Architecture architecture) {
    baselines.remove(key(architecture));
    windows.remove(key(architecture));
  }

  private static List<Pod> canaryPods(Collection<Pod> pods, String tier) {
    String label = ResourceNames.tier(tier);
    return pods.stream()
        .filter(p -> p.getMetadata().getLabels() != null)
        .filter(p -> label.equals(p.getMetadata().getLabels().get(ManifestLabels.TIER)))
        .filter(p -> CanaryDeployments.isCanary(p.getMetadata().getLabels()))
        .toList();
  }

  private static TierSpec tier(Architecture architecture, String name) {
    if (architecture.getSpec() == null || architecture.getSpec().getServices() == null) {
      return null;
    }
    return architecture.getSpec().getServices().stream()
        .filter(s -> name.equals(s.getName()))
        .findFirst()
        .orElse(null);
  }

  private static String key(Architecture architecture) {
    return architecture.getMetadata().getNamespace() + "/" + architecture.getMetadata().getName();
  }
}
