package io.simianviz.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.operator.desired.ChaosHold;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@value #CONDITION} condition: whether a chaos experiment's outage is in effect on the
 * architecture, read from what the outage itself leaves on the cluster, in the same writes that
 * make it: a {@code stop} annotates the Deployments it holds at 0 ({@value ChaosHold#ANNOTATION}),
 * an {@code isolate} labels the pods it cuts off ({@value ManifestLabels#ISOLATED}). The values
 * name the experiment. The Architecture's reconciler writes it, so its status keeps one writer.
 */
public final class ChaosActivity {
  public static final String CONDITION = "ChaosActive";

  private ChaosActivity() {}

  /**
   * Sets the condition on the status being written.
   *
   * @param deployments the architecture's Deployments as the informer has them
   * @param pods the architecture's pods as the informer has them
   */
  public static void update(
      ArchitectureStatus status,
      long generation,
      Collection<Deployment> deployments,
      Collection<Pod> pods,
      Instant now) {
    Map<String, Long> held = byExperiment(deployments, d -> annotation(d, ChaosHold.ANNOTATION));
    Map<String, Long> isolated = byExperiment(pods, p -> label(p, ManifestLabels.ISOLATED));
    Conditions conditions = new Conditions(status.getConditions(), generation, now);
    if (held.isEmpty() && isolated.isEmpty()) {
      conditions.set(CONDITION, false, "NoOutage", "no chaos outage is in effect");
    } else {
      String message =
          describe(held, "holds %d Deployment(s) at 0")
              + (held.isEmpty() || isolated.isEmpty() ? "" : "; ")
              + describe(isolated, "isolates %d pod(s)");
      conditions.set(CONDITION, true, "OutageInEffect", message);
    }
    status.setConditions(conditions.list());
  }

  private static <T extends HasMetadata> Map<String, Long> byExperiment(
      Collection<T> objects, Function<T, String> experiment) {
    return objects.stream()
        .map(experiment)
        .filter(e -> e != null)
        .collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()));
  }

  private static String describe(Map<String, Long> counts, String what) {
    return counts.entrySet().stream()
        .map(e -> "ChaosExperiment " + e.getKey() + " " + what.formatted(e.getValue()))
        .collect(Collectors.joining("; "));
  }

  private static String annotation(HasMetadata object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  private static String label(HasMetadata object, String key) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }
}
