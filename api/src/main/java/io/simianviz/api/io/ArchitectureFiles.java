package io.simianviz.api.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.validation.InvalidArchitectureException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads an architecture from a file in either form (custom resource YAML/JSON, or spigo JSON,
 * detected by content) and writes the custom resource as YAML.
 */
public final class ArchitectureFiles {
  private static final ResourceFiles FILES = new ResourceFiles(InvalidArchitectureException::new);

  private ArchitectureFiles() {}

  /**
   * Reads a file.
   *
   * @throws InvalidArchitectureException naming the field and the problem, for bad content
   * @throws IOException when the file cannot be read
   */
  public static LoadedArchitecture read(Path file) throws IOException {
    String text =
        FILES.text(file, "an architecture file", "an Architecture in YAML or JSON, or spigo JSON");
    String fileName = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return parse(text, fileName);
  }

  /** Parses text; {@code fallbackName} names a spigo architecture that has no "arch". */
  public static LoadedArchitecture parse(String text, String fallbackName) {
    JsonNode root = FILES.tree(text);
    if (root == null || !root.isObject()) {
      throw new InvalidArchitectureException(
          "", "expected an object (an Architecture or a spigo architecture)");
    }
    if (root.has("apiVersion") || root.has("kind")) {
      return new LoadedArchitecture(customResource(root), LoadedArchitecture.Format.ARCHITECTURE);
    }
    if (root.has("services")) {
      SpigoArchitecture spigo =
          FILES.convert(root, SpigoArchitecture.class, "", ResourceFiles.Paths.SPEC_RELATIVE);
      return new LoadedArchitecture(
          SpigoImporter.toArchitecture(spigo, fallbackName), LoadedArchitecture.Format.SPIGO);
    }
    throw new InvalidArchitectureException(
        "",
        "neither an Architecture (no apiVersion and kind) nor a spigo architecture (no services)");
  }

  private static Architecture customResource(JsonNode root) {
    FILES.header(root, Architecture.API_VERSION, "Architecture");
    Architecture a = FILES.convert(root, Architecture.class, "", ResourceFiles.Paths.SPEC_RELATIVE);
    FILES.name(a.getMetadata() == null ? null : a.getMetadata().getName());
    return a;
  }

  /** The custom resource as YAML, ready for kubectl apply. */
  public static String toYaml(Architecture architecture) {
    try {
      return ResourceFiles.YAML.writeValueAsString(architecture);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an Architecture always serialises", e);
    }
  }
}
