package io.simianviz.operator.evolution;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.simianviz.operator.desired.DesiredObjects;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a stage of a transition is done, from the informers' caches: every object of the stage
 * applied with its desired content, every Deployment rolled out (observed, its replicas updated and
 * ready) and no pod of an older template left, terminating ones included, since those may still
 * serve calls. In the last stage, no object or pod of the architecture's that the stage does not
 * want is left either. Pods without the template annotation were not made from the operator's
 * Deployments and are not looked at unless a Deployment of the stage selects them.
 */
final class StageProgress {
  private StageProgress() {}

  /**
   * What the stage still waits for, empty when it is done.
   *
   * @param desired the stage's objects
   * @param actual the architecture's objects as the informers have them
   * @param pods the architecture's pods
   * @param last whether this is the last stage, where nothing else may be left
   */
  static Optional<String> waitingFor(
      List<HasMetadata> desired,
      Collection<? extends HasMetadata> actual,
      Collection<Pod> pods,
      boolean last) {
    Map<String, HasMetadata> byKey =
        actual.stream()
            .collect(Collectors.toMap(DesiredObjects::key, Function.identity(), (a, b) -> a));
    for (HasMetadata want : desired) {
      HasMetadata have = byKey.get(DesiredObjects.key(want));
      if (have == null || !DesiredObjects.sameHash(have, want)) {
        return Optional.of(DesiredObjects.key(want) + " to be applied");
      }
      if (want instanceof Deployment d && !rolledOut(d, (Deployment) have)) {
        return Optional.of(DesiredObjects.key(want) + " to roll out");
      }
    }
    if (last) {
      Set<String> wanted = desired.stream().map(DesiredObjects::key).collect(Collectors.toSet());
      Optional<String> extra = byKey.keySet().stream().filter(k -> !wanted.contains(k)).findFirst();
      if (extra.isPresent()) {
        return Optional.of(extra.get() + " to be deleted");
      }
    }
    List<Deployment> deployments =
        desired.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    for (Pod pod : pods) {
      Optional<Deployment> owner = deployments.stream().filter(d -> selects(d, pod)).findFirst();
      String hash = templateHash(pod.getMetadata().getAnnotations());
      boolean old =
          owner.isPresent()
              ? !Objects.equals(hash, templateHash(owner.get()))
              : last && hash != null;
      if (old) {
        return Optional.of("pod " + pod.getMetadata().getName() + " of an older template to stop");
      }
    }
    return Optional.empty();
  }

  private static boolean rolledOut(Deployment desired, Deployment actual) {
    int want = desired.getSpec().getReplicas() == null ? 1 : desired.getSpec().getReplicas();
    DeploymentStatus status = actual.getStatus();
    if (status == null) {
      return want == 0;
    }
    Long generation = actual.getMetadata().getGeneration();
    boolean observed =
        generation == null
            || (status.getObservedGeneration() != null
                && status.getObservedGeneration() >= generation);
    return observed
        && orZero(status.getUpdatedReplicas()) >= want
        && orZero(status.getReadyReplicas()) >= want;
  }

  private static boolean selects(Deployment deployment, Pod pod) {
    LabelSelector selector = deployment.getSpec().getSelector();
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (selector == null || selector.getMatchLabels() == null || labels == null) {
      return false;
    }
    return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
  }

  private static String templateHash(Deployment deployment) {
    return templateHash(deployment.getSpec().getTemplate().getMetadata().getAnnotations());
  }

  private static String templateHash(Map<String, String> annotations) {
    return annotations == null ? null : annotations.get(DesiredObjects.TEMPLATE_HASH_ANNOTATION);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
