package io.simianviz.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.operator.ArchitectureReconciler;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC against what the code does, so a new dependent without its rule fails here
 * rather than on a cluster: every kind in the reconciler's workflow, the Architecture and its
 * status, the traffic source pods and events.
 */
class ChartRbacTest {
  private static final List<String> DEPENDENT_VERBS =
      List.of("list", "watch", "create", "patch", "delete");

  private final ClusterRole role = HelmChartTest.render("").get(ClusterRole.class, "simianviz");

  @Test
  void everyDependentKindMayBeWatchedAppliedAndDeleted() throws ReflectiveOperationException {
    Workflow workflow = ArchitectureReconciler.class.getAnnotation(Workflow.class);
    assertThat(workflow.dependents()).isNotEmpty();
    for (Dependent dependent : workflow.dependents()) {
      Class<?> kind = resourceType(dependent);
      assertThat(
              verbs(
                  HasMetadata.getGroup(kind.asSubclass(HasMetadata.class)),
                  HasMetadata.getPlural(kind.asSubclass(HasMetadata.class))))
          .as(dependent.name() + " (" + kind.getSimpleName() + ")")
          .containsExactlyInAnyOrderElementsOf(DEPENDENT_VERBS);
    }
  }

  @Test
  void theOperatorReadsArchitecturesWritesTheirStatusAndRecordsEvents() {
    assertThat(verbs(Architecture.GROUP, HasMetadata.getPlural(Architecture.class)))
        .containsExactlyInAnyOrder("list", "watch");
    assertThat(verbs(Architecture.GROUP, HasMetadata.getPlural(Architecture.class) + "/status"))
        .containsExactly("patch");
    assertThat(verbs("", HasMetadata.getPlural(Pod.class)))
        .containsExactlyInAnyOrder("list", "watch", "patch", "delete");
    assertThat(verbs("", "events")).containsExactly("create");
  }

  /**
   * The chaos controller: its CRD (informer, JOSDK's finalizer patch, status), a victim pod's
   * delete, Deployments scaled by patch and the isolating NetworkPolicy created and deleted; not
   * one verb more than that.
   */
  @Test
  void theChaosControllerGetsWhatItsActionsNeed() {
    assertThat(verbs(Architecture.GROUP, "chaosexperiments"))
        .containsExactlyInAnyOrder("list", "watch", "patch");
    assertThat(verbs(Architecture.GROUP, "chaosexperiments/status")).containsExactly("patch");
    assertThat(verbs(Architecture.GROUP, "chaosexperiments/finalizers")).isEmpty();
    assertThat(verbs("apps", "deployments")).contains("patch").doesNotContain("get", "update");
    assertThat(verbs("networking.k8s.io", "networkpolicies"))
        .contains("create", "delete")
        .doesNotContain("get");
    assertThat(
            HelmChartTest.render("")
                .get(ClusterRole.class, "simianviz-crd-check")
                .getRules()
                .getFirst()
                .getResourceNames())
        .containsExactlyInAnyOrder("architectures.simianviz.io", "chaosexperiments.simianviz.io");
  }

  @Test
  void nothingIsGrantedByWildcardOrForUpdates() {
    assertThat(role.getRules())
        .allSatisfy(
            r -> {
              assertThat(r.getVerbs()).doesNotContain("*", "update");
              assertThat(r.getResources()).doesNotContain("*");
              assertThat(r.getApiGroups()).doesNotContain("*");
            });
  }

  private List<String> verbs(String group, String resource) {
    String apiGroup = group == null ? "" : group;
    return role.getRules().stream()
        .filter(r -> r.getApiGroups().contains(apiGroup) && r.getResources().contains(resource))
        .map(PolicyRule::getVerbs)
        .flatMap(List::stream)
        .toList();
  }

  private static Class<?> resourceType(Dependent dependent)
      throws InstantiationException,
          IllegalAccessException,
          InvocationTargetException,
          NoSuchMethodException {
    DependentResource<?, ?> instance =
        (DependentResource<?, ?>) dependent.type().getDeclaredConstructor().newInstance();
    return instance.resourceType();
  }
}
