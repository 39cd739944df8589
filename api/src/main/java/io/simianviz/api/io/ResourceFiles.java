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
import io.simianviz.model.DnsNames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * What every reader of a resource file shares: the file's text (bounded, UTF-8), its tree (YAML or
 * JSON), binding to a class with one-line errors naming the field, and the checks of {@code
 * apiVersion}, {@code kind} and {@code metadata.name}. Each reader gives the exception its callers
 * expect, as a function of (path, message).
 */
final class ResourceFiles {
  static final ObjectMapper YAML =
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

  /** Far above any real resource (netflixoss is 2 KB), far below what could exhaust memory. */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  /** How field paths are written in messages. */
  enum Paths {
    /** Relative to the spec (services[0].count), as Architecture messages write them. */
    SPEC_RELATIVE,
    /** From the resource's root (spec.kind), where a spec-relative path would be ambiguous. */
    ABSOLUTE
  }

  private final BiFunction<String, String, RuntimeException> refusal;

  /**
   * @param refusal the exception for a problem at a path
   */
  ResourceFiles(BiFunction<String, String, RuntimeException> refusal) {
    this.refusal = refusal;
  }

  RuntimeException refuse(String path, String message) {
    return refusal.apply(path, message);
  }

  /**
   * A file's text: refused when it is a directory, too large, or not UTF-8.
   *
   * @param what what the file should be, for messages ("an architecture file")
   * @param expected what a text file should hold, for the not-UTF-8 message
   * @throws IOException when the file cannot be read
   */
  String text(Path file, String what, String expected) throws IOException {
    if (Files.isDirectory(file)) {
      throw refuse("", "is a directory; expected " + what);
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw refuse(
          "", "the file is " + size + " bytes; " + what + " is at most " + MAX_BYTES + " bytes");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw refuse("", "not a text file (not UTF-8): expected " + expected);
    }
  }

  /** The text's tree: JSON when it starts with '{', else YAML; null for an empty document. */
  JsonNode tree(String text) {
    try {
      // JSON goes to the JSON parser: YAML forbids the tabs that JSON (and spigo's files) allow.
      return text.stripLeading().startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw refuse("", "not valid YAML or JSON: " + oneLine(e));
    }
  }

  /**
   * The parser's reason on one line with where it stopped: SnakeYAML's messages span several lines
   * with a copy of the offending text and a caret under it.
   */
  static String oneLine(JsonProcessingException e) {
    String reason = e.getOriginalMessage().strip().lines().findFirst().orElse("").strip();
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? reason
        : reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** Refuses a resource whose apiVersion, kind or spec is not what the reader reads. */
  void header(JsonNode root, String apiVersion, String kind) {
    String actualApiVersion = root.path("apiVersion").asText("");
    String actualKind = root.path("kind").asText("");
    if (!apiVersion.equals(actualApiVersion)) {
      throw refuse("apiVersion", "expected " + apiVersion + ", got \"" + actualApiVersion + "\"");
    }
    if (!kind.equals(actualKind)) {
      throw refuse("kind", "expected " + kind + ", got \"" + actualKind + "\"");
    }
    if (!root.hasNonNull("spec")) {
      throw refuse("spec", "required");
    }
  }

  /** Refuses a metadata.name that is absent or not a DNS label. */
  void name(String name) {
    if (name == null || name.isEmpty()) {
      throw refuse("metadata.name", "required");
    }
    if (!DnsNames.isLabel(name)) {
      throw refuse(
          "metadata.name",
          "\""
              + name
              + "\" is not a valid name (lower-case letters, digits and '-', starting with a"
              + " letter, at most 63 characters)");
    }
  }

  /** Binds a tree to a class; a problem names the field. */
  <T> T convert(JsonNode node, Class<T> type, String prefix, Paths paths) {
    try {
      return YAML.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      throw refuse(path(e, prefix, paths), "unknown field");
    } catch (InvalidFormatException e) {
      if ("".equals(e.getValue())) {
        throw refuse(path(e, prefix, paths), "must not be empty");
      }
      if (e.getTargetType() == Boolean.class || e.getTargetType() == boolean.class) {
        throw refuse(path(e, prefix, paths), "\"" + e.getValue() + "\" is not true or false");
      }
      throw refuse(
          path(e, prefix, paths),
          "\"" + e.getValue() + "\" is not a valid " + JsonPaths.typeName(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw refuse(path(e, prefix, paths), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw refuse(prefix, e.getOriginalMessage());
    }
  }

  private static String path(JsonMappingException e, String prefix, Paths paths) {
    return paths == Paths.SPEC_RELATIVE ? JsonPaths.of(e, prefix) : JsonPaths.absolute(e, prefix);
  }
}
