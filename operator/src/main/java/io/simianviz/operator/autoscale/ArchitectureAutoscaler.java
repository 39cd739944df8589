package io.simianviz.operator.autoscale;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.manifest.AutoscaledTiers;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.evolution.AutoscalePolicy;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.operator.OperatorConfig;
import io.simianviz.operator.OperatorConfig.Autoscaling.Mode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Measures and decides every autoscaled tier of an architecture, keeping each tier's {@link
 * TierScaler} between polls (the autoscale poller calls {@link #decide} on its own threads). With
 * the HPA alternative it does nothing: the HPAs decide.
 */
@ApplicationScoped
public class ArchitectureAutoscaler {
  private static final Logger LOG = Logger.getLogger(ArchitectureAutoscaler.class);

  private final PodMetricsReader reader;
  private final Clock clock;
  private final Mode mode;

  /** Per architecture (namespace/name), per tier. */
  private final Map<String, Map<String, TierScaler>> scalers = new ConcurrentHashMap<>();

  public ArchitectureAutoscaler(PodMetricsReader reader, Clock clock, OperatorConfig config) {
    this.reader = reader;
    this.clock = clock;
    this.mode = config.autoscaling().mode();
  }

  /**
   * One measure and decision per autoscaled tier.
   *
   * @param pods the architecture's pods, from the informer's cache
   */
  public Set<TierScale> decide(Architecture architecture, Collection<Pod> pods) {
    if (mode == Mode.HPA || architecture.getSpec() == null) {
      return Set.of();
    }
    List<TierSpec> tiers;
    try {
      tiers = AutoscaledTiers.of(architecture.getSpec());
    } catch (RuntimeException e) {
      return Set.of(); // a spec the reconcile reports as invalid
    }
    Map<String, TierScaler> byTier =
        scalers.computeIfAbsent(key(architecture), k -> new ConcurrentHashMap<>());
    byTier.keySet().retainAll(tiers.stream().map(TierSpec::getName).collect(Collectors.toSet()));
    Set<TierScale> out = new HashSet<>();
    for (TierSpec tier : tiers) {
      try {
        out.add(decide(architecture, tier, pods, byTier));
      } catch (RuntimeException e) {
        LOG.debugf("autoscale: %s tier %s not decided: %s", key(architecture), tier.getName(), e);
      }
    }
    return out;
  }

  private TierScale decide(
      Architecture architecture,
      TierSpec tier,
      Collection<Pod> pods,
      Map<String, TierScaler> byTier) {
    AutoscalePolicy policy = AutoscalePolicy.of(tier.getAutoscale());
    long now = clock.millis();
    TierScaler scaler =
        byTier.computeIfAbsent(
            tier.getName(), n -> new TierScaler(AutoscaleTargets.resumed(architecture, tier), now));
    String label = ResourceNames.tier(tier.getName());
    List<Pod> own =
        pods.stream()
            .filter(p -> label.equals(p.getMetadata().getLabels().get(ManifestLabels.TIER)))
            .toList();
    int instances =
        AutoscaledTiers.replicas(
                architecture.getMetadata().getName(),
                architecture.getSpec(),
                tier.getName(),
                scaler.current())
            .values()
            .stream()
            .mapToInt(Integer::intValue)
            .sum();
    return scaler.step(policy, reader.read(own), now, instances);
  }

  /** Drops what is remembered of a deleted architecture. */
  public void forget(Architecture architecture) {
    scalers.remove(key(architecture));
  }

  private static String key(Architecture architecture) {
    return architecture.getMetadata().getNamespace() + "/" + architecture.getMetadata().getName();
  }
}
