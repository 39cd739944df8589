package io.simianviz.api.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.DnsNames;
import io.simianviz.model.validation.InvalidArchitectureException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an architecture from a file in either form (custom resource YAML/JSON, or spigo JSON,
 * detected by content) and writes the custom resource as YAML.
 */
public final class ArchitectureFiles {
  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Far above any real architecture (netflixoss is 2 KB), far below what could exhaust memory. */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  private ArchitectureFiles() {}

  /**
   * Reads a file.
   *
   * @throws InvalidArchitectureException naming the field and the problem, for bad content
   * @throws IOException when the file cannot be read
   */
  public static LoadedArchitecture read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new InvalidArchitectureException("", "is a directory; expected an architecture file");
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new InvalidArchitectureException(
          "",
          "the file is "
              + size
              + " bytes; an architecture file is at most "
              + MAX_BYTES
              + " bytes");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidArchitectureException(
          "",
          "not a text file (not UTF-8): expected an Architecture in YAML or JSON, or spigo JSON");
    }
    String fileName = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return parse(text, fileName);
  }

  /** Parses text; {@code fallbackName} names a spigo architecture that has no "arch". */
  public static LoadedArchitecture parse(String text, String fallbackName) {
    JsonNode root;
    try {
      // JSON goes to the JSON parser: YAML forbids the tabs that JSON (and spigo's files) allow.
      root = text.stripLeading().startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidArchitectureException("", "not valid YAML or JSON: " + oneLine(e));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidArchitectureException(
          "", "expected an object (an Architecture or a spigo architecture)");
    }
    if (root.has("apiVersion") || root.has("kind")) {
      return new LoadedArchitecture(customResource(root), LoadedArchitecture.Format.ARCHITECTURE);
    }
    if (root.has("services")) {
      SpigoArchitecture spigo = convert(root, SpigoArchitecture.class, "");
      return new LoadedArchitecture(
          SpigoImporter.toArchitecture(spigo, fallbackName), LoadedArchitecture.Format.SPIGO);
    }
    throw new InvalidArchitectureException(
        "",
        "neither an Architecture (no apiVersion and kind) nor a spigo architecture (no services)");
  }

  /**
   * The parser's reason on one line with where it stopped: SnakeYAML's messages span several lines
   * with a copy of the offending text and a caret under it.
   */
  private static String oneLine(JsonProcessingException e) {
    String reason = e.getOriginalMessage().strip().lines().findFirst().orElse("").strip();
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? reason
        : reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  private static Architecture customResource(JsonNode root) {
    String apiVersion = root.path("apiVersion").asText("");
    String kind = root.path("kind").asText("");
    if (!Architecture.API_VERSION.equals(apiVersion)) {
      throw new InvalidArchitectureException(
          "apiVersion", "expected " + Architecture.API_VERSION + ", got \"" + apiVersion + "\"");
    }
    if (!"Architecture".equals(kind)) {
      throw new InvalidArchitectureException("kind", "expected Architecture, got \"" + kind + "\"");
    }
    if (!root.hasNonNull("spec")) {
      throw new InvalidArchitectureException("spec", "required");
    }
    Architecture a = convert(root, Architecture.class, "");
    String name = a.getMetadata() == null ? null : a.getMetadata().getName();
    if (name == null || name.isEmpty()) {
      throw new InvalidArchitectureException("metadata.name", "required");
    }
    if (!DnsNames.isLabel(name)) {
      throw new InvalidArchitectureException(
          "metadata.name",
          "\""
              + name
              + "\" is not a valid name (lower-case letters, digits and '-', starting with a"
              + " letter, at most 63 characters)");
    }
    return a;
  }

  private static <T> T convert(JsonNode node, Class<T> type, String prefix) {
    try {
      return YAML.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidArchitectureException(JsonPaths.of(e, prefix), "unknown field");
    } catch (InvalidFormatException e) {
      if ("".equals(e.getValue())) {
        throw new InvalidArchitectureException(JsonPaths.of(e, prefix), "must not be empty");
      }
      throw new InvalidArchitectureException(
          JsonPaths.of(e, prefix),
          "\"" + e.getValue() + "\" is not a valid " + JsonPaths.typeName(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw new InvalidArchitectureException(JsonPaths.of(e, prefix), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidArchitectureException(prefix, e.getOriginalMessage());
    }
  }

  /** The custom resource as YAML, ready for kubectl apply. */
  public static String toYaml(Architecture architecture) {
    try {
      return YAML.writeValueAsString(architecture);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an Architecture always serialises", e);
    }
  }
}
