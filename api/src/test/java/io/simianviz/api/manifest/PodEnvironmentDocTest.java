package io.simianviz.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.model.pod.PodVariables;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/kubernetes.md lists the pod environment in two tables: what the manifests write, and what
 * the nanoservice reads but the manifests leave at its defaults. Both must say what the code does.
 */
class PodEnvironmentDocTest {
  private static final Pattern VARIABLE = Pattern.compile("`(SIMIANVIZ_[A-Z_]+)`");
  private static final String WRITTEN_TABLE = "The nanoservice is configured by its environment";
  private static final String DEFAULTS_TABLE = "The nanoservice also reads these";

  @Test
  void theDocumentedEnvironmentIsWhatTheManifestsWrite() throws IOException {
    assertThat(documented(WRITTEN_TABLE)).isEqualTo(written());
  }

  @Test
  void theOtherVariablesTheNanoserviceReadsAreDocumentedWithTheirDefaults() throws IOException {
    Set<String> rest = new TreeSet<>(podVariables());
    rest.removeAll(written());
    assertThat(documented(DEFAULTS_TABLE)).isEqualTo(rest);
  }

  /** Every variable in the pod templates of every example and of the feature-rich golden input. */
  private static Set<String> written() throws IOException {
    Path root = ManifestGoldenTest.repositoryRoot();
    List<Path> inputs = new ArrayList<>();
    try (Stream<Path> examples = Files.list(root.resolve("examples"))) {
      examples.filter(p -> p.toString().endsWith(".yaml")).forEach(inputs::add);
    }
    inputs.add(Path.of("src", "test", "resources", "golden", "in-features.yaml"));
    Set<String> names = new TreeSet<>();
    for (Path input : inputs) {
      var loaded = ArchitectureFiles.read(input);
      ArchitectureManifests.build(loaded.architecture(), ManifestGoldenTest.OPTIONS).stream()
          .filter(Deployment.class::isInstance)
          .map(Deployment.class::cast)
          .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
          .flatMap(c -> c.getEnv().stream())
          .map(EnvVar::getName)
          .forEach(names::add);
    }
    return names;
  }

  private static Set<String> podVariables() throws IOException {
    Set<String> names = new TreeSet<>();
    for (Field f : PodVariables.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          names.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IOException(e);
        }
      }
    }
    return names;
  }

  /** The variables named in the table that follows the paragraph starting with {@code lead}. */
  private static Set<String> documented(String lead) throws IOException {
    List<String> lines =
        Files.readAllLines(ManifestGoldenTest.repositoryRoot().resolve("docs/kubernetes.md"));
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith(lead)) {
      i++;
    }
    while (i < lines.size() && !lines.get(i).startsWith("|")) {
      i++;
    }
    Set<String> names = new TreeSet<>();
    for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String firstCell = lines.get(i).split("\\|")[1];
      Matcher m = VARIABLE.matcher(firstCell);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
