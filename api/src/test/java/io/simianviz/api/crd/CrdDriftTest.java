package io.simianviz.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs in crds/ are generated from the Java classes; this fails the build when a class changed
 * without the committed YAML being regenerated.
 */
class CrdDriftTest {
  private static final String HOW_TO_FIX =
      "crds/ differs from what the build generates: run"
          + " `bin/build -pl api process-classes -Pupdate-crds` and commit crds/";

  @Test
  void committedCrdsMatchGeneratedOnes() throws IOException {
    Path generated = Path.of("target", "crds");
    Path committed = Path.of("..", "crds");
    List<String> generatedNames = names(generated);
    assertThat(generatedNames).as("CRDs generated into target/crds").isNotEmpty();
    assertThat(names(committed)).as(HOW_TO_FIX).isEqualTo(generatedNames);
    for (String name : generatedNames) {
      assertThat(Files.readString(committed.resolve(name)))
          .as(HOW_TO_FIX + " (" + name + ")")
          .isEqualTo(Files.readString(generated.resolve(name)));
    }
  }

  private static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }
}
