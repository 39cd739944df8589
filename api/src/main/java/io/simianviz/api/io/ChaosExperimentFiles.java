package io.simianviz.api.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.model.validation.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a ChaosExperiment custom resource from a YAML or JSON file: the same file that is applied
 * to a cluster and given to {@code simianviz run --experiment}. Refuses what cannot be bound (an
 * unknown field, a value of the wrong type, a kind of experiment that does not exist) with one line
 * naming the field from the resource's root ({@code spec.kind}: a path relative to the spec would
 * read like the resource's own {@code kind}); what binds but is wrong is {@code
 * ChaosExperimentValidator}'s.
 */
public final class ChaosExperimentFiles {
  private static final ResourceFiles FILES = new ResourceFiles(InvalidInputException::new);

  private ChaosExperimentFiles() {}

  /**
   * Reads a file.
   *
   * @throws InvalidInputException naming the field and the problem, for bad content
   * @throws IOException when the file cannot be read
   */
  public static ChaosExperiment read(Path file) throws IOException {
    return parse(FILES.text(file, "a ChaosExperiment file", "a ChaosExperiment in YAML or JSON"));
  }

  /**
   * Parses text.
   *
   * @throws InvalidInputException naming the field and the problem, for bad content
   */
  public static ChaosExperiment parse(String text) {
    JsonNode root = FILES.tree(text);
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("", "expected an object (a ChaosExperiment)");
    }
    FILES.header(root, Architecture.API_VERSION, ChaosExperiment.KIND);
    ChaosExperiment experiment =
        FILES.convert(root, ChaosExperiment.class, "", ResourceFiles.Paths.ABSOLUTE);
    FILES.name(experiment.getMetadata() == null ? null : experiment.getMetadata().getName());
    return experiment;
  }

  /**
   * Whether a file holds a resource of kind ChaosExperiment, so that a command given files of
   * either kind reads each with its reader. False for anything else, unreadable or malformed files
   * included: their reader reports those.
   */
  public static boolean isChaosExperiment(Path file) {
    try {
      JsonNode root = FILES.tree(FILES.text(file, "a file", "YAML or JSON"));
      return root != null && ChaosExperiment.KIND.equals(root.path("kind").asText(""));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The custom resource as YAML, ready for kubectl apply. */
  public static String toYaml(ChaosExperiment experiment) {
    try {
      return ResourceFiles.YAML.writeValueAsString(experiment);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a ChaosExperiment always serialises", e);
    }
  }
}
