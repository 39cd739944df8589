package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.readiness.Readiness;
import io.simianviz.model.TierPackage;
import io.simianviz.model.pod.PodVariables;
import io.simianviz.model.topology.Instance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An architecture's pods as the model's {@link Instance}s, for the victim selector: only the pods a
 * desired Deployment owns count. A pod is owned when it carries every label of that Deployment's
 * selector (architecture, tier, region, zone) and its controller is one of the Deployment's
 * ReplicaSets ({@code <deployment>-<hash>}). So an unlabelled pod, a pod of another architecture,
 * or a pod someone labelled by hand is never an instance and never a victim.
 *
 * <p>{@code all} holds one instance per desired replica (a missing pod is an instance that is not
 * up), so the guards' {@code maxFraction} counts against what the architecture should have.
 *
 * @param all every instance the architecture should have: its owned pods, and placeholders for the
 *     replicas that have no pod
 * @param up the owned pods that are ready and not being deleted
 * @param deployments the desired Deployments, by name
 * @param owners the name of the Deployment of each instance, by instance name
 */
public record ArchitectureInstances(
    List<Instance> all,
    List<Instance> up,
    Map<String, Deployment> deployments,
    Map<String, String> owners) {
  private static final String REPLICA_SET = "ReplicaSet";

  /**
   * The instances of the desired Deployments' pods.
   *
   * @param desired the Deployments the builders make for the architecture
   * @param pods the architecture's pods from the informer's cache
   */
  public static ArchitectureInstances of(List<Deployment> desired, Collection<Pod> pods) {
    List<Instance> all = new ArrayList<>();
    List<Instance> up = new ArrayList<>();
    Map<String, Deployment> byName = new LinkedHashMap<>();
    Map<String, String> owners = new LinkedHashMap<>();
    for (Deployment deployment : desired) {
      byName.put(deployment.getMetadata().getName(), deployment);
      Map<String, String> env = env(deployment);
      String tier = env.get(PodVariables.TIER);
      TierPackage pkg = TierPackage.fromSpigoName(env.get(PodVariables.PACKAGE)).orElseThrow();
      String region = env.get(PodVariables.REGION);
      String zone = env.get(PodVariables.ZONE);
      List<Pod> owned = pods.stream().filter(ownedBy(deployment)).toList();
      int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 0);
      for (int i = 0; i < Math.max(replicas, owned.size()); i++) {
        boolean exists = i < owned.size();
        String name =
            exists
                ? owned.get(i).getMetadata().getName()
                : deployment.getMetadata().getName() + "/absent-" + i;
        Instance instance = new Instance(name, tier, pkg, region, zone, i, all.size());
        all.add(instance);
        owners.put(name, deployment.getMetadata().getName());
        if (exists && isUp(owned.get(i))) {
          up.add(instance);
        }
      }
    }
    return new ArchitectureInstances(
        List.copyOf(all), List.copyOf(up), Collections.unmodifiableMap(byName), Map.copyOf(owners));
  }

  /** The desired Deployment an instance belongs to. */
  public Deployment deploymentOf(Instance instance) {
    return deployments.get(owners.get(instance.name()));
  }

  /** The Deployments of an area's instances (region, and zone unless null), traffic sources not. */
  public List<Deployment> area(String region, String zone) {
    return deployments.values().stream()
        .filter(
            d -> {
              Map<String, String> env = env(d);
              return region.equals(env.get(PodVariables.REGION))
                  && (zone == null || zone.equals(env.get(PodVariables.ZONE)))
                  && TierPackage.fromSpigoName(env.get(PodVariables.PACKAGE))
                      .map(p -> p.role() != TierPackage.Role.TRAFFIC_SOURCE)
                      .orElse(false);
            })
        .toList();
  }

  /** The names of the pods of an area's Deployments ({@link #area}), in instance order. */
  public List<String> areaPods(String region, String zone) {
    List<String> area = area(region, zone).stream().map(d -> d.getMetadata().getName()).toList();
    return all.stream()
        .map(Instance::name)
        .filter(name -> name.indexOf('/') < 0) // a placeholder for a replica without a pod
        .filter(name -> area.contains(owners.get(name)))
        .toList();
  }

  static Predicate<Pod> ownedBy(Deployment deployment) {
    Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
    String namespace = deployment.getMetadata().getNamespace();
    String prefix = deployment.getMetadata().getName() + "-";
    return pod -> {
      Map<String, String> labels = pod.getMetadata().getLabels();
      List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
      return labels != null
          && labels.entrySet().containsAll(selector.entrySet())
          && (namespace == null || namespace.equals(pod.getMetadata().getNamespace()))
          && owners != null
          && owners.stream()
              .anyMatch(
                  o ->
                      Boolean.TRUE.equals(o.getController())
                          && REPLICA_SET.equals(o.getKind())
                          && o.getName().startsWith(prefix)
                          && o.getName().indexOf('-', prefix.length()) < 0);
    };
  }

  /** Ready, and not already on its way out (a deleted pod stays ready until it stops). */
  private static boolean isUp(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null && Readiness.isPodReady(pod);
  }

  /** The nanoservice container's environment: the pod contract names tier, region and zone. */
  private static Map<String, String> env(Deployment deployment) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var :
        deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      }
    }
    return env;
  }
}
