package io.simianviz.operator.evolution;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.simianviz.api.manifest.CanaryDeployments;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.evolution.CanaryStatus;
import io.simianviz.model.evolution.CanaryTiers;
import io.simianviz.model.evolution.CanaryTiers.CanaryTier;
import io.simianviz.model.evolution.TransitionPlanner;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.operator.desired.DesiredObjects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The canary of a transition's switch stage (docs/evolution.md, "Code push"): while it is judged,
 * the stage's spec with the canaried tiers held at their running version, plus a canary Deployment
 * at the new version beside each of their zone Deployments; once promoted, the stage proper with
 * the canary Deployments kept until the tiers have rolled. How it is judged: {@link
 * CanaryIntervals}.
 */
final class CanaryStage {
  static final String JUDGING = "judging";
  static final String PROMOTING = "promoting";
  static final String PROMOTED = "promoted";

  private CanaryStage() {}

  /** The tiers of the transition that canary; none when the plan cannot be made. */
  static List<CanaryTier> tiers(String arch, ArchitectureSpec from, ArchitectureSpec to) {
    try {
      return CanaryTiers.of(TransitionPlanner.plan(arch, from, to, ExpansionOptions.NONE));
    } catch (InvalidArchitectureException e) {
      return List.of();
    }
  }

  static Set<String> names(List<CanaryTier> tiers) {
    return tiers.stream().map(CanaryTier::tier).collect(Collectors.toSet());
  }

  /** The switch stage's spec with the canaried tiers at their running version. */
  static ArchitectureSpec held(
      ArchitectureSpec stage, ArchitectureSpec from, ArchitectureSpec to, List<CanaryTier> tiers) {
    return CanaryTiers.held(stage, from, to, names(tiers));
  }

  /** The canary Deployments of {@code proper} (the switch stage at the new version). */
  static List<Deployment> deployments(DesiredObjects proper, List<CanaryTier> tiers) {
    List<Deployment> out = new ArrayList<>();
    for (CanaryTier tier : tiers) {
      List<Deployment> zones =
          proper.ofType(Deployment.class).stream()
              .filter(d -> tier.tier().equals(tierOf(d)))
              .toList();
      int weight = tier.policy().weight();
      for (Deployment d : CanaryDeployments.of(zones, weight)) {
        // The zone's hash was copied; the canary's content differs by its replicas and label.
        Map<String, String> annotations = d.getMetadata().getAnnotations();
        String hash = annotations.get(DesiredObjects.HASH_ANNOTATION) + "-canary-" + weight;
        out.add(
            new DeploymentBuilder(d)
                .editMetadata()
                .addToAnnotations(DesiredObjects.HASH_ANNOTATION, hash)
                .endMetadata()
                .build());
      }
    }
    return out;
  }

  /** {@code to} with the canaried tiers as they run in {@code from}: what runs after a rollback. */
  static ArchitectureSpec reverted(
      ArchitectureSpec from, ArchitectureSpec to, List<CanaryTier> tiers) {
    Map<String, TierSpec> running =
        from.getServices().stream().collect(Collectors.toMap(TierSpec::getName, t -> t));
    ArchitectureSpec out = SpecJson.read(SpecJson.write(to), "spec");
    Set<String> names = names(tiers);
    out.setServices(
        out.getServices().stream()
            .map(t -> names.contains(t.getName()) ? running.getOrDefault(t.getName(), t) : t)
            .toList());
    return out;
  }

  /** A copy of the canary state to change, or a new one judging {@code tiers}. */
  static CanaryStatus copy(CanaryStatus canary, List<CanaryTier> tiers) {
    CanaryStatus c = new CanaryStatus();
    if (canary == null) {
      c.setPhase(JUDGING);
      c.setTiers(tiers.stream().map(CanaryTier::tier).toList());
      return c;
    }
    c.setPhase(canary.getPhase());
    c.setTiers(canary.getTiers());
    c.setStartedAt(canary.getStartedAt());
    c.setIntervals(canary.getIntervals());
    return c;
  }

  /** The objects or pods that are not a canary's. */
  static <T extends HasMetadata> List<T> withoutCanaries(Collection<T> objects) {
    return objects.stream()
        .filter(o -> !CanaryDeployments.isCanary(o.getMetadata().getLabels()))
        .toList();
  }

  private static String tierOf(Deployment d) {
    Map<String, String> annotations = d.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(ManifestLabels.TIER_NAME_ANNOTATION);
  }
}
