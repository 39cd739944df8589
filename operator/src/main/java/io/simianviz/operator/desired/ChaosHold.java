package io.simianviz.operator.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Deployments a chaos outage ({@code stop}) holds at 0 replicas. The chaos controller scales
 * them to 0 and annotates them {@value #ANNOTATION} in one patch, and removes the annotation in the
 * patch that scales them back. While the annotation is on a Deployment, the Architecture's desired
 * Deployment has 0 replicas too, so the workflow never fights the outage.
 *
 * <p>The annotation lives on the Deployment rather than being read from the experiment because it
 * changes in the same write as the replicas: the architecture reconciler can never see the one
 * without the other. The desired object does not carry the annotation, so a reconcile that read the
 * hold just before the restore writes 0 once without it, and the next reconcile (which that write
 * triggers) scales the Deployment back. The recorded counts that a restore needs live in the
 * experiment's status; the annotation only says "held".
 */
public final class ChaosHold {
  /** Annotation on a Deployment held at 0 by a chaos experiment; its value names the experiment. */
  public static final String ANNOTATION = "simianviz.io/chaos-outage";

  private final Set<String> held;

  private ChaosHold(Set<String> held) {
    this.held = held;
  }

  /** The holds among the architecture's Deployments as the informer has them. */
  public static ChaosHold of(Collection<Deployment> actual) {
    return new ChaosHold(
        actual.stream()
            .filter(ChaosHold::isHeld)
            .map(d -> d.getMetadata().getName())
            .collect(Collectors.toUnmodifiableSet()));
  }

  public static boolean isHeld(Deployment deployment) {
    Map<String, String> annotations = deployment.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey(ANNOTATION);
  }

  public boolean isEmpty() {
    return held.isEmpty();
  }

  /** The object itself, or for a held Deployment a copy with 0 replicas. */
  HasMetadata apply(HasMetadata object) {
    if (object instanceof Deployment d && held.contains(d.getMetadata().getName())) {
      return new DeploymentBuilder(d).editSpec().withReplicas(0).endSpec().build();
    }
    return object;
  }
}
