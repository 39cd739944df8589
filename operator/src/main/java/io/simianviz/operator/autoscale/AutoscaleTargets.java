package io.simianviz.operator.autoscale;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.simianviz.api.manifest.AutoscaledTiers;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.evolution.TierAutoscale;
import io.simianviz.model.evolution.AutoscalePolicy;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.operator.OperatorConfig.Autoscaling.Mode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reconcile applies of the autoscaler's decisions: the replicas of each autoscaled tier's
 * Deployments and the status' {@code autoscale[]}. A tier the poller has not decided on yet (the
 * operator just started) resumes from the status, else starts from its count within min..max.
 *
 * @param replicas by Deployment name; empty with the HPA alternative
 * @param status one entry per autoscaled tier; null when none (or with the HPA alternative)
 */
public record AutoscaleTargets(Map<String, Integer> replicas, List<TierAutoscale> status) {

  /** The targets of an architecture whose spec is valid. */
  public static AutoscaleTargets of(
      Architecture architecture, Collection<TierScale> decided, Mode mode) {
    List<TierSpec> tiers = AutoscaledTiers.of(architecture.getSpec());
    if (mode == Mode.HPA || tiers.isEmpty()) {
      return new AutoscaleTargets(Map.of(), null);
    }
    Map<String, Integer> replicas = new LinkedHashMap<>();
    List<TierAutoscale> status = new ArrayList<>();
    for (TierSpec tier : tiers) {
      AutoscalePolicy policy = AutoscalePolicy.of(tier.getAutoscale());
      TierScale scale =
          decided.stream()
              .filter(s -> s.tier().equals(tier.getName()))
              .findFirst()
              .orElseGet(() -> resumed(architecture, tier));
      int current = Math.clamp(scale.current(), policy.min(), Math.max(policy.min(), policy.max()));
      replicas.putAll(
          AutoscaledTiers.replicas(
              architecture.getMetadata().getName(),
              architecture.getSpec(),
              tier.getName(),
              current));
      status.add(entry(tier.getName(), policy, scale, current));
    }
    return new AutoscaleTargets(replicas, status);
  }

  /** Where a tier is before the poller decided: the status' current, else its start. */
  static TierScale resumed(Architecture architecture, TierSpec tier) {
    Optional<TierAutoscale> shown =
        Optional.ofNullable(architecture.getStatus())
            .map(s -> s.getAutoscale())
            .flatMap(
                list ->
                    list.stream()
                        .filter(e -> tier.getName().equals(e.getTier()) && e.getCurrent() != null)
                        .findFirst());
    if (shown.isEmpty()) {
      int start = AutoscaledTiers.start(tier);
      return new TierScale(tier.getName(), start, start, null, null);
    }
    TierAutoscale e = shown.get();
    return new TierScale(
        tier.getName(),
        e.getCurrent(),
        e.getRecommended() == null ? e.getCurrent() : e.getRecommended(),
        instant(e.getLastChange()),
        e.getReason());
  }

  /**
   * The Deployments as the status should judge them: with the HPA alternative a Deployment sets no
   * replicas, so it is ready at the replicas the HPA gave it.
   */
  public static List<Deployment> observed(
      List<Deployment> desired, Map<String, Deployment> actual) {
    return desired.stream()
        .map(
            d -> {
              Deployment a = actual.get(d.getMetadata().getName());
              if (d.getSpec().getReplicas() != null || a == null) {
                return d;
              }
              return new DeploymentBuilder(d)
                  .editSpec()
                  .withReplicas(a.getSpec().getReplicas())
                  .endSpec()
                  .build();
            })
        .toList();
  }

  private static TierAutoscale entry(
      String tier, AutoscalePolicy policy, TierScale scale, int current) {
    TierAutoscale e = new TierAutoscale();
    e.setTier(tier);
    e.setMetric(policy.metric() == AutoscalePolicy.Metric.P99_MS ? "p99Ms" : "requestsPerInstance");
    e.setTarget(policy.target());
    e.setCurrent(current);
    e.setRecommended(scale.recommended());
    e.setLastChange(
        scale.lastChange() == null
            ? null
            : scale.lastChange().truncatedTo(ChronoUnit.SECONDS).toString());
    e.setReason(scale.reason());
    return e;
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
