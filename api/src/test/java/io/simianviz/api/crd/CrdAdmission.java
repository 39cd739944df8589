package io.simianviz.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.RegularExpression;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server checks when a resource is created or updated, reproduced from the committed
 * CRD ({@code crds/architectures.simianviz.io-v1.yml} by default, or another of {@code crds/},
 * which {@link CrdDriftTest} keeps equal to the generated ones): the {@code openAPIV3Schema}, run
 * by a JSON Schema validator, then its {@code x-kubernetes-validations} rules, run by cel-java.
 *
 * <p>A CRD's schema is OpenAPI 3.0's dialect with Kubernetes extensions, not JSON Schema; {@link
 * #toJsonSchema} translates it explicitly:
 *
 * <ul>
 *   <li>{@code x-kubernetes-validations} are taken out and evaluated as CEL (below);
 *   <li>{@code x-kubernetes-int-or-string} becomes {@code anyOf: [integer, string]} (fabric8
 *       already writes that {@code anyOf} beside it);
 *   <li>{@code nullable: true} adds {@code "null"} to the type;
 *   <li>{@code x-kubernetes-preserve-unknown-fields} leaves an object open; every other object with
 *       {@code properties} gets {@code additionalProperties: false}, as kubectl's default strict
 *       field validation reports an unknown field as an error;
 *   <li>the other {@code x-kubernetes-*} keys (list and map types, embedded resources) are dropped:
 *       they say how objects merge, not what is valid;
 *   <li>the root also admits {@code apiVersion}, {@code kind} and {@code metadata}, which the API
 *       server handles itself.
 * </ul>
 *
 * <p>As in the API server, {@code default}s are applied before anything is checked, and the CEL
 * rules are skipped when the schema already found a blocking error (a wrong type, an unsupported
 * enum value, a missing required field, a string or list too long): the server then says only that
 * some rules were not checked. A rule sees {@code self}, the value at the rule's level of the
 * schema (an object, a list or a string), converted by the schema's types, with absent fields
 * absent ({@code has()} false). The CEL environment is the part of Kubernetes' that the rules may
 * use: the standard library and macros, the strings and sets extensions, and Kubernetes' regex
 * library ({@code find}, {@code findAll}), implemented here with java.util.regex, which agrees with
 * RE2 on the plain character classes the rules use.
 */
final class CrdAdmission {
  static final String CRD_FILE = "architectures.simianviz.io-v1.yml";
  static final String CHAOS_CRD_FILE = "chaosexperiments.simianviz.io-v1.yml";
  static final String VERSION = "v1alpha1";
  static final String RULES_NOT_CHECKED =
      "some validation rules were not checked because the object was invalid";

  private static final Set<String> BLOCKING =
      Set.of("type", "enum", "required", "maxLength", "maxItems", "maxProperties");
  private static final Set<String> CEL_KEYWORDS =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final CelOptions CEL_OPTIONS = CelOptions.current().build();
  private static final Cel CEL = celEnvironment();

  /** A CEL rule and where in the schema it sits: property names, "[]" for list items. */
  record Rule(List<String> schemaPath, String rule, String message, String fieldPath) {
    String where() {
      return schemaPath.isEmpty() ? "(root)" : String.join(".", schemaPath);
    }
  }

  private record CompiledRule(Rule rule, CelRuntime.Program program) {}

  private final JsonNode openApiSchema;
  private final JsonSchema jsonSchema;
  private final List<CompiledRule> rules;

  private CrdAdmission(JsonNode openApiSchema) {
    this.openApiSchema = openApiSchema;
    ObjectNode converted = toJsonSchema(openApiSchema);
    ObjectNode root = (ObjectNode) converted.get("properties");
    root.set("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
    root.set("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
    root.set("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
    converted.put("$schema", "http://json-schema.org/draft-04/schema#");
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .regularExpressionFactory(CrdAdmission::re2)
            .pathType(PathType.JSON_PATH)
            .build();
    this.jsonSchema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(converted, config);
    List<CompiledRule> compiled = new ArrayList<>();
    for (Rule rule : collectRules(openApiSchema, new ArrayList<>(), new ArrayList<>())) {
      compiled.add(new CompiledRule(rule, compile(rule)));
    }
    this.rules = List.copyOf(compiled);
  }

  /** The committed Architecture CRD's schema for {@value #VERSION}. */
  static CrdAdmission load() {
    return load(CRD_FILE);
  }

  /** A committed CRD's schema for {@value #VERSION}. */
  static CrdAdmission load(String crdFile) {
    Path crd = repositoryRoot().resolve("crds").resolve(crdFile);
    try {
      for (JsonNode version : YAML.readTree(crd.toFile()).path("spec").path("versions")) {
        if (VERSION.equals(version.path("name").asText())) {
          return new CrdAdmission(version.path("schema").path("openAPIV3Schema"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(crd + " has no version " + VERSION);
  }

  /** Walks up from the working directory to the directory holding crds/ and pom.xml. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("crds")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no crds/ beside a pom.xml above " + Path.of("").toAbsolutePath());
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readYaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Rule> rules() {
    return rules.stream().map(CompiledRule::rule).toList();
  }

  /** The schema of the value at a path of property names ("[]" for list items). */
  JsonNode schemaAt(String... path) {
    JsonNode s = openApiSchema;
    for (String p : path) {
      s = p.equals("[]") ? s.path("items") : s.path("properties").path(p);
    }
    return s;
  }

  /**
   * Every error admission reports for a resource, as {@code path: message} with paths relative to
   * {@code spec} (as {@code simianviz validate} writes them): a schema error names the JSON Schema
   * keyword that failed, a CEL error the rule's message.
   */
  List<String> check(JsonNode resource) {
    JsonNode document = resource.deepCopy();
    applyDefaults(document, openApiSchema);
    List<String> errors = new ArrayList<>();
    boolean blocking = false;
    for (ValidationMessage m : jsonSchema.validate(document)) {
      String path = specRelative(m.getInstanceLocation().toString());
      if (m.getProperty() != null
          && (m.getType().equals("required") || m.getType().equals("additionalProperties"))) {
        path = join(path, m.getProperty());
      }
      errors.add(path + ": " + m.getType());
      blocking |= BLOCKING.contains(m.getType());
    }
    if (blocking) {
      errors.add(": " + RULES_NOT_CHECKED);
      return errors.stream().sorted().toList();
    }
    for (CompiledRule r : rules) {
      evaluate(r, document, openApiSchema, 0, "$", errors);
    }
    return errors.stream().sorted().toList();
  }

  private static void evaluate(
      CompiledRule r, JsonNode node, JsonNode schema, int depth, String path, List<String> out) {
    List<String> at = r.rule().schemaPath();
    if (depth == at.size()) {
      String where = specRelative(path);
      String reported = join(where, r.rule().fieldPath().replaceFirst("^\\.", ""));
      try {
        Object result = r.program().eval(Map.of("self", toCel(node, schema)));
        if (!Boolean.TRUE.equals(result)) {
          out.add(reported + ": " + r.rule().message());
        }
      } catch (CelEvaluationException e) {
        out.add(where + ": rule error: " + e.getMessage());
      }
      return;
    }
    String step = at.get(depth);
    if (step.equals("[]")) {
      for (int i = 0; i < node.size(); i++) {
        evaluate(r, node.get(i), schema.path("items"), depth + 1, path + "[" + i + "]", out);
      }
    } else if (node.has(step) && !node.get(step).isNull()) {
      JsonNode child = schema.path("properties").path(step);
      evaluate(r, node.get(step), child, depth + 1, path + "." + step, out);
    }
  }

  private static String specRelative(String jsonPath) {
    String p = jsonPath.replaceFirst("^\\$\\.?", "");
    return p.equals("spec") ? "" : p.replaceFirst("^spec\\.", "");
  }

  private static String join(String path, String child) {
    if (child.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? child : path + "." + child;
  }

  /** A JSON value as CEL sees it, typed by the schema: integers as int, numbers as double. */
  static Object toCel(JsonNode node, JsonNode schema) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getValue().isNull()) {
          continue; // a null field is pruned like an absent one
        }
        JsonNode fieldSchema =
            schema.path("properties").has(e.getKey())
                ? schema.path("properties").path(e.getKey())
                : schema.path("additionalProperties");
        map.put(celName(e.getKey()), toCel(e.getValue(), fieldSchema));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : node) {
        list.add(toCel(item, schema.path("items")));
      }
      return list;
    }
    if (node.isNumber()) {
      boolean integer =
          schema.path("type").asText().equals("integer")
              || (schema.path("x-kubernetes-int-or-string").asBoolean() && node.isIntegralNumber());
      return integer ? (Object) node.asLong() : (Object) node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }

  /**
   * A property name as Kubernetes' CEL sees it: a CEL keyword is wrapped in double underscores
   * ({@code package} is {@code __package__}); {@code __ . - /} are spelled out.
   */
  static String celName(String property) {
    if (CEL_KEYWORDS.contains(property)) {
      return "__" + property + "__";
    }
    return property
        .replace("__", "__underscores__")
        .replace(".", "__dot__")
        .replace("-", "__dash__")
        .replace("/", "__slash__");
  }

  /** Sets every absent field that has a {@code default}, as the API server does on admission. */
  private static void applyDefaults(JsonNode node, JsonNode schema) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        if (!object.has(property.getKey()) && property.getValue().has("default")) {
          object.set(property.getKey(), property.getValue().get("default").deepCopy());
        }
        if (object.has(property.getKey())) {
          applyDefaults(object.get(property.getKey()), property.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode item : array) {
        applyDefaults(item, schema.path("items"));
      }
    }
  }

  /** The CRD's OpenAPI schema as draft-04 JSON Schema (see the class comment). */
  static ObjectNode toJsonSchema(JsonNode openApi) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    boolean preserveUnknown = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    for (Map.Entry<String, JsonNode> e : openApi.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      switch (key) {
        case "properties" -> {
          ObjectNode properties = out.putObject("properties");
          for (Map.Entry<String, JsonNode> p : value.properties()) {
            properties.set(p.getKey(), toJsonSchema(p.getValue()));
          }
        }
        case "items", "not" -> out.set(key, toJsonSchema(value));
        case "additionalProperties" ->
            out.set(key, value.isObject() ? toJsonSchema(value) : value.deepCopy());
        case "anyOf", "allOf", "oneOf" -> {
          ArrayNode list = out.putArray(key);
          value.forEach(v -> list.add(toJsonSchema(v)));
        }
        case "nullable" -> {
          // handled with "type" below
        }
        default -> {
          if (!key.startsWith("x-kubernetes-")) {
            out.set(key, value.deepCopy());
          }
        }
      }
    }
    if (openApi.path("nullable").asBoolean() && out.has("type")) {
      ArrayNode types = JsonNodeFactory.instance.arrayNode();
      types.add(out.get("type").asText()).add("null");
      out.set("type", types);
    }
    if (openApi.path("x-kubernetes-int-or-string").asBoolean()) {
      out.remove("type");
      if (!out.has("anyOf")) {
        ArrayNode anyOf = out.putArray("anyOf");
        anyOf.addObject().put("type", "integer");
        anyOf.addObject().put("type", "string");
      }
    }
    if (out.has("properties") && !out.has("additionalProperties") && !preserveUnknown) {
      out.put("additionalProperties", false);
    }
    return out;
  }

  private static List<Rule> collectRules(JsonNode schema, List<String> path, List<Rule> out) {
    for (JsonNode v : schema.path("x-kubernetes-validations")) {
      out.add(
          new Rule(
              List.copyOf(path),
              v.path("rule").asText(),
              v.path("message").asText("failed rule: " + v.path("rule").asText()),
              v.path("fieldPath").asText("")));
    }
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      path.add(p.getKey());
      collectRules(p.getValue(), path, out);
      path.remove(path.size() - 1);
    }
    if (schema.has("items")) {
      path.add("[]");
      collectRules(schema.get("items"), path, out);
      path.remove(path.size() - 1);
    }
    return out;
  }

  private static CelRuntime.Program compile(Rule rule) {
    try {
      CelAbstractSyntaxTree ast = CEL.compile(rule.rule()).getAst();
      return CEL.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException(
          "rule at " + rule.where() + " does not compile: " + e.getMessage(), e);
    }
  }

  private static Cel celEnvironment() {
    return CelFactory.standardCelBuilder()
        .setOptions(CEL_OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(CEL_OPTIONS))
        .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(CEL_OPTIONS))
        .addVar("self", SimpleType.DYN)
        .addFunctionDeclarations(
            CelFunctionDecl.newFunctionDeclaration(
                "findAll",
                CelOverloadDecl.newMemberOverload(
                    "string_find_all_string",
                    ListType.create(SimpleType.STRING),
                    SimpleType.STRING,
                    SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                "find",
                CelOverloadDecl.newMemberOverload(
                    "string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)))
        .addFunctionBindings(
            CelFunctionBinding.from(
                "string_find_all_string", String.class, String.class, CrdAdmission::findAll),
            CelFunctionBinding.from(
                "string_find_string", String.class, String.class, CrdAdmission::find))
        .build();
  }

  /**
   * A schema pattern as the API server runs it: RE2 syntax and semantics (Go's regexp; RE2J is its
   * Java port), found anywhere in the value unless anchored.
   */
  private static RegularExpression re2(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return value -> pattern.matcher(value).find();
  }

  /** Kubernetes' {@code findAll}: every non-overlapping match, left to right. */
  private static List<String> findAll(String text, String regex) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Kubernetes' {@code find}: the first match, or the empty string. */
  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group() : "";
  }
}
