package io.simianviz.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** helm lint and helm template of helm/simianviz, run in process by helm-java. */
public class HelmChartTest {
  static final Path CHART = Path.of("..", "helm", "simianviz");
  private static final Path GENERATED_CRDS = Path.of("..", "crds");
  private static final String NAME = "simianviz";
  private static final String NAMESPACE = "simianviz-system";

  @Test
  void lintPassesStrictly() {
    LintResult lint = new Helm(CHART).lint().strict().call();

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void theChartsCrdsAreTheGeneratedOnes() throws IOException {
    assertThat(files(CHART.resolve("crds")))
        .as("helm/simianviz/crds must equal crds/: bin/build -pl api process-classes -Pupdate-crds")
        .isEqualTo(files(GENERATED_CRDS));
  }

  @Test
  void theDefaultImageIsTheOperatorsVersion() {
    Deployment operator = render("").get(Deployment.class, NAME);
    Container container = operator.getSpec().getTemplate().getSpec().getContainers().getFirst();

    assertThat(container.getImage())
        .isEqualTo("simianviz/operator:" + System.getProperty("simianviz.version"));
    assertThat(env(container)).doesNotContainKeys("SIMIANVIZ_OPERATOR_NANOSERVICE_IMAGE");
  }

  @Test
  void theOperatorImageCanBeOverridden() {
    Container container =
        operatorContainer(
            render(
                """
                image: {repository: registry.example/simianviz/operator, tag: "1.2.3", pullPolicy: Always}
                """));

    assertThat(container.getImage()).isEqualTo("registry.example/simianviz/operator:1.2.3");
    assertThat(container.getImagePullPolicy()).isEqualTo("Always");
  }

  @Test
  void byDefaultEveryNamespaceIsWatchedThroughAClusterRoleBinding() {
    RenderedChart chart = render("");
    Container container = operatorContainer(chart);

    assertThat(env(container)).doesNotContainKey("QUARKUS_OPERATOR_SDK_NAMESPACES");
    assertThat(env(container))
        .containsEntry("SIMIANVIZ_OPERATOR_LEADER_ELECTION", "true")
        .containsEntry("SIMIANVIZ_OPERATOR_SEGMENTATION_INTERVAL", "5m")
        .containsEntry("SIMIANVIZ_OPERATOR_PROBE_TIMEOUT", "1s")
        .containsEntry("SIMIANVIZ_OPERATOR_PROBE_CONCURRENCY", "8");
    assertThat(chart.get(ClusterRoleBinding.class, NAME).getRoleRef().getName()).isEqualTo(NAME);
    assertThat(chart.all(RoleBinding.class))
        .extracting(b -> b.getMetadata().getName())
        .containsExactly(NAME + "-leader-election");
    assertThat(chart.get(Role.class, NAME + "-leader-election").getRules())
        .singleElement()
        .satisfies(
            r -> assertThat(r.getVerbs()).containsExactly("get", "create", "patch", "update"));
  }

  @Test
  void scrapeNamespacesReachTheOperatorAsAList() {
    assertThat(env(operatorContainer(render(""))))
        .doesNotContainKey("SIMIANVIZ_OPERATOR_SCRAPE_NAMESPACES");
    assertThat(env(operatorContainer(render("scrapeNamespaces: [monitoring, prometheus]\n"))))
        .containsEntry("SIMIANVIZ_OPERATOR_SCRAPE_NAMESPACES", "monitoring,prometheus");
  }

  @Test
  void theAutoscalingModeAndItsSettingsReachTheOperator() {
    assertThat(env(operatorContainer(render(""))))
        .containsEntry("SIMIANVIZ_OPERATOR_AUTOSCALING_MODE", "traffic")
        .containsEntry("SIMIANVIZ_OPERATOR_AUTOSCALING_INTERVAL", "15s")
        .containsEntry("SIMIANVIZ_OPERATOR_AUTOSCALING_CPU_UTILIZATION", "70");
    assertThat(env(operatorContainer(render("autoscaling: {mode: hpa, cpuUtilization: 50}\n"))))
        .containsEntry("SIMIANVIZ_OPERATOR_AUTOSCALING_MODE", "hpa")
        .containsEntry("SIMIANVIZ_OPERATOR_AUTOSCALING_INTERVAL", "15s")
        .containsEntry("SIMIANVIZ_OPERATOR_AUTOSCALING_CPU_UTILIZATION", "50");
  }

  @Test
  void anUnknownAutoscalingModeIsRefusedByName() {
    assertThatThrownBy(() -> render("autoscaling: {mode: keda}\n"))
        .hasMessageContaining("autoscaling.mode must be traffic or hpa (was keda)");
  }

  @Test
  void watchedNamespacesGetARoleBindingEachAndNothingClusterWide() {
    RenderedChart chart =
        render(
            """
            watchedNamespaces: [team-a, team-b]
            leaderElection: {enabled: false}
            nanoserviceImage: registry.example/nanoservice:1.2
            segmentation: {interval: 10m, probeTimeout: 2s, probeConcurrency: 4}
            """);
    Container container = operatorContainer(chart);

    assertThat(env(container))
        .containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b")
        .containsEntry("SIMIANVIZ_OPERATOR_NANOSERVICE_IMAGE", "registry.example/nanoservice:1.2")
        .containsEntry("SIMIANVIZ_OPERATOR_LEADER_ELECTION", "false")
        .containsEntry("SIMIANVIZ_OPERATOR_SEGMENTATION_INTERVAL", "10m")
        .containsEntry("SIMIANVIZ_OPERATOR_PROBE_TIMEOUT", "2s")
        .containsEntry("SIMIANVIZ_OPERATOR_PROBE_CONCURRENCY", "4");
    assertThat(chart.all(RoleBinding.class))
        .extracting(b -> b.getMetadata().getNamespace(), b -> b.getRoleRef().getName())
        .containsExactly(Tuple.tuple("team-a", NAME), Tuple.tuple("team-b", NAME));
    assertThat(chart.find(ClusterRoleBinding.class, NAME)).isEmpty();
    assertThat(chart.all(Role.class)).isEmpty();
  }

  @Test
  void theOperatorPodMeetsTheRestrictedStandard() {
    Deployment operator = render("").get(Deployment.class, NAME);
    var pod = operator.getSpec().getTemplate().getSpec();
    var security = pod.getContainers().getFirst().getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(pod.getContainers().getFirst().getResources().getLimits())
        .containsKeys("cpu", "memory");
    assertThat(pod.getServiceAccountName()).isEqualTo(NAME);
  }

  /** {@code helm template} with the chart's values overridden by a values file of this text. */
  public static RenderedChart render(String values) {
    try {
      Path file = Files.createTempFile("simianviz-values", ".yaml");
      try {
        Files.writeString(file, values);
        return RenderedChart.parse(
            new Helm(CHART)
                .template()
                .withName(NAME)
                .withNamespace(NAMESPACE)
                .withValuesFile(file)
                .call());
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new AssertionError("helm template did not run or printed something else than YAML", e);
    }
  }

  private static Container operatorContainer(RenderedChart chart) {
    return chart
        .get(Deployment.class, NAME)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .getFirst();
  }

  /** Literal environment variables by name (fieldRef ones as "fieldRef:<path>"). */
  private static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .collect(
            Collectors.toMap(
                EnvVar::getName,
                e ->
                    e.getValue() != null
                        ? e.getValue()
                        : "fieldRef:" + e.getValueFrom().getFieldRef().getFieldPath()));
  }

  private static Map<String, String> files(Path directory) throws IOException {
    try (Stream<Path> paths = Files.list(directory)) {
      List<Path> files = paths.sorted().toList();
      Map<String, String> contents = new TreeMap<>();
      for (Path file : files) {
        contents.put(file.getFileName().toString(), Files.readString(file));
      }
      return contents;
    }
  }
}
