package io.simianviz.service.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.manifest.ArchitectureManifests;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.model.pod.DiscoveryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pod environment the manifest builders write is the one the nanoservice reads: every
 * Deployment's env parses, and every dependency's discovery entries name Services that select pods
 * of that dependency.
 */
class ManifestContractTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lamp.yaml",
        "lamp-protocols.yaml",
        "netflixoss.yaml",
        "riak.yaml",
        "netflixoss-multiregion.yaml",
        "migration/step5.yaml"
      })
  void everyPodReadsItsEnvironmentAndFindsItsDependencies(String file) throws Exception {
    List<HasMetadata> objects =
        ArchitectureManifests.build(
            ArchitectureFiles.read(examples().resolve(file)).architecture(),
            ManifestOptions.defaults("test"));
    List<Deployment> deployments = ofKind(objects, Deployment.class);
    Map<String, Service> services =
        ofKind(objects, Service.class).stream()
            .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
    assertThat(deployments).isNotEmpty();

    for (Deployment d : deployments) {
      PodSettings settings = PodSettings.fromEnvironment(env(d));
      assertThat(settings.config().port()).isEqualTo(ManifestOptions.DEFAULT_SERVICE_PORT);
      assertThat(settings.adminPort()).isEqualTo(ManifestOptions.DEFAULT_ADMIN_PORT);
      for (String dep : settings.config().dependencyTiers()) {
        List<DiscoveryEntry> entries =
            settings.discovery().stream().filter(e -> e.tier().equals(dep)).toList();
        assertThat(entries).as("%s -> %s", d.getMetadata().getName(), dep).isNotEmpty();
        for (DiscoveryEntry entry : entries) {
          Service service = services.get(entry.service());
          assertThat(service).as("Service %s", entry.service()).isNotNull();
          Set<String> selected = selectedPods(service, deployments, "SIMIANVIZ_TIER");
          assertThat(selected).as("pods behind %s", entry.service()).isNotEmpty();
          // The caller speaks what the pods behind the Service serve (an elb's targets too).
          assertThat(selectedPods(service, deployments, "SIMIANVIZ_PROTOCOL"))
              .containsOnly(settings.config().protocolOf(dep).value());
        }
      }
    }
  }

  private static Set<String> selectedPods(
      Service service, List<Deployment> deployments, String variable) {
    Map<String, String> selector = service.getSpec().getSelector();
    return deployments.stream()
        .filter(
            d ->
                d.getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getLabels()
                    .entrySet()
                    .containsAll(selector.entrySet()))
        .map(d -> env(d).get(variable))
        .collect(Collectors.toSet());
  }

  /** The container's environment as the kubelet would set it, field references filled in. */
  private static Map<String, String> env(Deployment d) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar v : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (v.getValue() != null) {
        env.put(v.getName(), v.getValue());
      } else {
        String path = v.getValueFrom().getFieldRef().getFieldPath();
        env.put(v.getName(), path.equals("status.podIP") ? "127.0.0.1" : "pod-0");
      }
    }
    return env;
  }

  private static <T> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static Path examples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir.resolve("examples");
      }
    }
    throw new IllegalStateException("no examples/ above " + Path.of("").toAbsolutePath());
  }
}
