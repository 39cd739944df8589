package io.simianviz.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.TierStatus;
import io.simianviz.api.v1alpha1.TrafficSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The status of an Architecture (docs/kubernetes.md) from what it should have and what the cluster
 * reports. Pure: the same inputs give an equal status, so an unchanged status is never written
 * again. The segmentation section is carried over here and updated by SegmentationCheck.
 */
public final class ArchitectureStatusAggregator {
  private static final int NAMES_IN_MESSAGE = 5;

  private ArchitectureStatusAggregator() {}

  /**
   * The status of a valid architecture.
   *
   * @param previous the status the resource has (may be null)
   * @param desired the Deployments the builders made, in their order
   * @param actual the Deployments the cluster has, by name
   * @param traffic the traffic summary to show (null for none)
   */
  public static ArchitectureStatus valid(
      ArchitectureStatus previous,
      long generation,
      List<Deployment> desired,
      Map<String, Deployment> actual,
      TrafficSummary traffic,
      Instant now) {
    List<DeploymentRollout> rollouts =
        desired.stream()
            .map(d -> DeploymentRollout.of(d, actual.get(d.getMetadata().getName())))
            .toList();
    List<TierStatus> tiers = tiers(rollouts);
    long readyTiers = tiers.stream().filter(t -> t.getReady() >= t.getDesired()).count();
    List<DeploymentRollout> rolling = rollouts.stream().filter(DeploymentRollout::rolling).toList();
    List<DeploymentRollout> failing =
        rollouts.stream().filter(r -> r.failure().isPresent()).toList();

    Conditions conditions = new Conditions(conditionsOf(previous), generation, now);
    String tiersReady = readyTiers + "/" + tiers.size();
    boolean ready = readyTiers == tiers.size();
    conditions.set(
        Conditions.READY,
        ready,
        ready ? "AllTiersReady" : "TiersNotReady",
        tiersReady
            + " tiers ready"
            + (ready ? "" : "; waiting for " + names(notReady(tiers), Function.identity())));
    conditions.set(
        Conditions.PROGRESSING,
        !rolling.isEmpty(),
        rolling.isEmpty() ? "Converged" : "RollingOut",
        rolling.isEmpty()
            ? "every Deployment has its desired ready replicas"
            : "rolling out " + names(rolling, r -> r.name() + " " + r.ready() + "/" + r.desired()));
    conditions.set(
        Conditions.DEGRADED,
        !failing.isEmpty(),
        failing.isEmpty() ? "NoFailures" : "DeploymentFailing",
        failing.isEmpty()
            ? "no Deployment reports a failure"
            : names(failing, r -> r.name() + " (" + r.failure().orElseThrow() + ")"));
    conditions.set(Conditions.INVALID_SPEC, false, "SpecValid", "the spec is valid");

    ArchitectureStatus status = copyOf(previous);
    status.setObservedGeneration(generation);
    status.setConditions(conditions.list());
    status.setTiersReady(tiersReady);
    status.setTiers(tiers);
    status.setTraffic(traffic);
    return status;
  }

  /**
   * The status of an invalid spec: InvalidSpec with every problem; everything else stays as it was,
   * since the running objects are left as they are (each other condition keeps the
   * observedGeneration it describes).
   */
  public static ArchitectureStatus invalid(
      ArchitectureStatus previous, long generation, String problems, Instant now) {
    Conditions conditions = new Conditions(conditionsOf(previous), generation, now);
    conditions.set(Conditions.INVALID_SPEC, true, "ValidationFailed", problems);
    ArchitectureStatus status = copyOf(previous);
    status.setObservedGeneration(generation);
    status.setConditions(conditions.list());
    return status;
  }

  /**
   * The status after a reconcile failed unexpectedly: Degraded with the reason; everything else
   * stays as it was, observedGeneration included, since this generation was not reconciled.
   */
  public static ArchitectureStatus failed(
      ArchitectureStatus previous, long generation, String error, Instant now) {
    Conditions conditions = new Conditions(conditionsOf(previous), generation, now);
    conditions.set(Conditions.DEGRADED, true, "ReconcileError", error);
    ArchitectureStatus status = copyOf(previous);
    status.setObservedGeneration(previous == null ? null : previous.getObservedGeneration());
    status.setConditions(conditions.list());
    return status;
  }

  private static List<TierStatus> tiers(List<DeploymentRollout> rollouts) {
    Map<String, TierStatus> byTier = new LinkedHashMap<>();
    for (DeploymentRollout r : rollouts) {
      TierStatus tier =
          byTier.computeIfAbsent(
              r.tier(),
              name -> {
                TierStatus t = new TierStatus();
                t.setName(name);
                t.setDesired(0);
                t.setReady(0);
                t.setZones(new ArrayList<>());
                return t;
              });
      tier.setDesired(tier.getDesired() + r.desired());
      tier.setReady(tier.getReady() + r.ready());
      if (!tier.getZones().contains(r.place())) {
        tier.getZones().add(r.place());
      }
    }
    return List.copyOf(byTier.values());
  }

  private static List<String> notReady(List<TierStatus> tiers) {
    return tiers.stream()
        .filter(t -> t.getReady() < t.getDesired())
        .map(t -> t.getName() + " " + t.getReady() + "/" + t.getDesired())
        .toList();
  }

  /**
   * The first few items named, then how many more, so a large architecture's message stays short.
   */
  private static <T> String names(List<T> items, Function<T, String> name) {
    String shown =
        items.stream().limit(NAMES_IN_MESSAGE).map(name).collect(Collectors.joining(", "));
    int more = items.size() - NAMES_IN_MESSAGE;
    return more > 0 ? shown + " and " + more + " more" : shown;
  }

  private static List<Condition> conditionsOf(ArchitectureStatus status) {
    return status == null ? List.of() : status.getConditions();
  }

  /** A new status object with the previous sections (never mutated: they belong to the cache). */
  private static ArchitectureStatus copyOf(ArchitectureStatus previous) {
    ArchitectureStatus status = new ArchitectureStatus();
    if (previous != null) {
      status.setTiersReady(previous.getTiersReady());
      status.setTiers(previous.getTiers());
      status.setTraffic(previous.getTraffic());
      status.setChaos(previous.getChaos());
      status.setSegmentation(previous.getSegmentation());
      status.setAutoscale(previous.getAutoscale());
      status.setApplied(previous.getApplied());
      status.setTransition(previous.getTransition());
      status.setTransitions(previous.getTransitions());
    }
    return status;
  }
}
