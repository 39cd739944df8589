package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind a user can give: each gets its exit code and one plain line naming the
 * file, field or option, never a stack trace. docs/reliability.md counts these cases.
 */
class BadInputCatalogueTest {
  private static final String LAMP_HEAD =
      "apiVersion: simianviz.io/v1alpha1\nkind: Architecture\nmetadata: {name: lamp}\nspec:\n";

  @TempDir static Path dir;

  /** A file's content and the message (or its start) that validate must print for it. */
  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("empty", "", "expected an object"),
        Arguments.of("blank", "\n\n   \n", "expected an object"),
        Arguments.of("a scalar", "42\n", "expected an object"),
        Arguments.of("a list", "- a\n- b\n", "expected an object"),
        Arguments.of("bad YAML", "spec: [unclosed\n", "not valid YAML or JSON: while parsing"),
        Arguments.of("bad JSON", "{\"services\": [", "not valid YAML or JSON"),
        Arguments.of("nested YAML", "a: ".repeat(5_000) + "b\n", "not valid YAML or JSON"),
        Arguments.of("nested JSON", "[".repeat(100_000), "nesting depth"),
        // Jackson does not expand aliases into copies, so the billion laughs stay nine lines
        Arguments.of("YAML bomb", yamlBomb(), "neither an Architecture"),
        Arguments.of("wrong kind", LAMP_HEAD.replace("Architecture", "Deployment"), "kind: "),
        Arguments.of(
            "wrong apiVersion", LAMP_HEAD.replace("simianviz.io/v1alpha1", "v1"), "apiVersion: "),
        Arguments.of("no spec", LAMP_HEAD.replace("spec:\n", ""), "spec: required"),
        Arguments.of("spec a string", LAMP_HEAD + "  hello\n", "spec"),
        Arguments.of("services a map", LAMP_HEAD + "  services: {a: 1}\n", "services"),
        Arguments.of(
            "count a word",
            LAMP_HEAD + "  services: [{name: a, package: store, count: many}]\n",
            "services[0].count"),
        Arguments.of(
            "count too big",
            LAMP_HEAD + "  services: [{name: a, package: store, count: 99999999999}]\n",
            "services[0].count"),
        Arguments.of(
            "a billion instances",
            LAMP_HEAD + "  services: [{name: a, package: store, count: 1000000000, regions: 1}]\n",
            "services: 1000000000 instances in all"),
        Arguments.of("duplicate keys", LAMP_HEAD + "  scale: 1\n  scale: 2\n", "scale"),
        Arguments.of("unknown field", LAMP_HEAD + "  services: []\n  colour: blue\n", "colour"),
        Arguments.of("spigo without services", "{\"arch\": \"x\"}", "neither an Architecture"),
        Arguments.of(
            "spigo services not a list", "{\"arch\": \"x\", \"services\": 3}", "services"));
  }

  private static String yamlBomb() {
    StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    return y.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void aBadFileIsOneLineNamingTheFile(String name, String content, String expected)
      throws IOException {
    Path file = dir.resolve(name.replace(' ', '-') + ".yaml");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertPlainLines(run.err(), file.toString(), expected);
  }

  static Stream<Arguments> flags() {
    String lamp = "../examples/lamp.yaml";
    return Stream.of(
        Arguments.of(new String[] {"graph", lamp, "--scale", "-5"}, "scale"),
        Arguments.of(new String[] {"graph", lamp, "--scale", "0"}, "scale"),
        Arguments.of(new String[] {"graph", lamp, "--scale", "lots"}, "--scale"),
        Arguments.of(new String[] {"graph", lamp, "--scale", "100000000"}, "instances in all"),
        Arguments.of(new String[] {"graph", lamp, "--regions", "0"}, "regionCount"),
        Arguments.of(new String[] {"graph", lamp, "--regions", "99"}, "regionCount"),
        Arguments.of(new String[] {"graph", lamp, "--format", "svg"}, "--format"),
        Arguments.of(new String[] {"run", lamp, "--duration", "soon"}, "--duration"),
        Arguments.of(new String[] {"run", lamp, "--duration", "-3s"}, "--duration"),
        Arguments.of(new String[] {"run", lamp, "--rate", "-1"}, "--rate"),
        Arguments.of(new String[] {"run", lamp, "--rate", "fast"}, "--rate"),
        Arguments.of(new String[] {"run", lamp, "--port", "70000"}, "--port"),
        Arguments.of(new String[] {"run", lamp, "--port", "-1"}, "--port"),
        Arguments.of(new String[] {"run", lamp, "--sample-rate", "2"}, "--sample-rate"),
        Arguments.of(new String[] {"run", lamp, "--warmup", "x"}, "--warmup"),
        Arguments.of(new String[] {"render", lamp, "--nonsense"}, "--nonsense"),
        Arguments.of(new String[] {"validate"}, "FILE"),
        Arguments.of(new String[] {"plan", lamp}, "TO"),
        Arguments.of(new String[] {"plan", lamp, lamp, "--scale", "0"}, "scale"),
        Arguments.of(new String[] {"plan", lamp, lamp, "--regions", "99"}, "regionCount"),
        Arguments.of(new String[] {"frobnicate"}, "frobnicate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flags")
  void aBadOptionIsOneLineNamingIt(String[] args, String expected) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isIn(1, 2);
    assertThat(run.err()).as(run.err()).contains(expected);
    assertNoStackTrace(run.err());
  }

  private static void assertPlainLines(String err, String file, String expected) {
    assertNoStackTrace(err);
    assertThat(err.lines()).as(err).isNotEmpty().allMatch(l -> l.startsWith(file + ": "));
    assertThat(err).as(err).contains(expected);
    assertThat(err.lines().mapToInt(String::length).max().orElse(0)).as(err).isLessThan(400);
  }

  static void assertNoStackTrace(String err) {
    assertThat(err)
        .as(err)
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("Caused by");
  }
}
