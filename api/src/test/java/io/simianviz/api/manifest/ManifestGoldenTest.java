package io.simianviz.api.manifest;

import static org.junit.jupiter.api.Assertions.fail;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rendered manifests of a few architectures, compared with reviewed golden files under {@code
 * src/test/resources/golden/}. After an intended change, regenerate them with {@code
 * -Dsimianviz.golden.update=true} and review the diff like code.
 */
class ManifestGoldenTest {
  static final String UPDATE_PROPERTY = "simianviz.golden.update";
  static final ManifestOptions OPTIONS = ManifestOptions.defaults("0.1.0");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @ParameterizedTest
  @ValueSource(strings = {"examples/lamp.yaml", "examples/netflixoss.yaml", "in-features.yaml"})
  void renderMatchesGoldenFile(String input) throws IOException {
    Path source =
        input.startsWith("examples/") ? repositoryRoot().resolve(input) : GOLDEN.resolve(input);
    LoadedArchitecture loaded = ArchitectureFiles.read(source);
    String rendered =
        ManifestYaml.write(ArchitectureManifests.build(loaded.architecture(), OPTIONS));
    String name = source.getFileName().toString().replaceFirst("^in-", "");
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(golden, rendered);
      return;
    }
    String expected = Files.exists(golden) ? Files.readString(golden) : "";
    if (!expected.equals(rendered)) {
      fail(
          "rendered manifests of "
              + source
              + " differ from "
              + golden.toAbsolutePath()
              + " at "
              + firstDifference(expected, rendered)
              + ". If the change is intended, regenerate the golden files with"
              + " `bin/build -o install -pl api -Dtest=ManifestGoldenTest -D"
              + UPDATE_PROPERTY
              + "=true` and review the diff.");
    }
  }

  private static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int i = 0;
    while (i < Math.min(a.length, b.length) && a[i].equals(b[i])) {
      i++;
    }
    return "line "
        + (i + 1)
        + ": expected \""
        + (i < a.length ? a[i] : "<end of file>")
        + "\" but rendered \""
        + (i < b.length ? b[i] : "<end of file>")
        + "\"";
  }

  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no examples/ directory beside a pom.xml above " + Path.of("").toAbsolutePath());
  }
}
