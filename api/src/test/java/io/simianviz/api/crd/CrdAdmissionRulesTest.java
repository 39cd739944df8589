package io.simianviz.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simianviz.model.DnsNames;
import io.simianviz.model.Durations;
import io.simianviz.model.ServiceTime;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.PackageSchema;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.validation.ArchitectureValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The CRD schema's rules one by one, against the code behind {@code simianviz validate}: where a
 * rule stands for a check of the validator, the two agree on every input tried.
 */
class CrdAdmissionRulesTest {
  private static final CrdAdmission ADMISSION = CrdAdmission.load();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** An Architecture with one tier, {@code store}, whose fields the caller sets. */
  private static ObjectNode architecture(Map<String, String> tierFields) {
    ObjectNode resource = JSON.objectNode();
    resource.put("apiVersion", "simianviz.io/" + CrdAdmission.VERSION);
    resource.put("kind", "Architecture");
    resource.putObject("metadata").put("name", "rules");
    ObjectNode tier = resource.putObject("spec").putArray("services").addObject();
    tier.put("name", "store").put("package", "store");
    tierFields.forEach(tier::put);
    return resource;
  }

  private static List<String> errorsAt(JsonNode resource, String path) {
    return ADMISSION.check(resource).stream()
        .filter(e -> e.startsWith(path + ":") || e.startsWith(": "))
        .toList();
  }

  private static boolean admitted(String field, String value) {
    return errorsAt(architecture(Map.of(field, value)), "services[0]." + field).isEmpty();
  }

  @Test
  void packageIsAnEnumOfSpigosPackages() {
    List<String> spigo = Arrays.stream(TierPackage.values()).map(TierPackage::spigoName).toList();
    assertThat(Arrays.stream(PackageSchema.values()).map(PackageSchema::value))
        .containsExactlyElementsOf(spigo);
    assertThat(ADMISSION.schemaAt("spec", "services", "[]", "package").path("enum"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrderElementsOf(spigo);
    assertThat(admitted("package", "priamCassandra")).isTrue();
    assertThat(admitted("package", "mysql")).isFalse();
    assertThat(admitted("package", "PriamCassandra")).isFalse();
  }

  /** Letters of both cases, digits and separators, to cross every kebab rule. */
  private static String randomName(Random random, int length) {
    String alphabet = "abcyzABCYZ0189-_. *:/";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** camelCase words, acronyms and digits: names around the 63-character limit. */
  private static String randomCamelName(Random random) {
    String[] words = {"cass", "Subscriber", "HTTP", "Server", "v2", "API", "elb", "X", "9", "Ok"};
    StringBuilder s = new StringBuilder();
    int target = 40 + random.nextInt(40);
    while (s.length() < target) {
      s.append(words[random.nextInt(words.length)]);
      if (random.nextInt(6) == 0) {
        s.append(random.nextBoolean() ? "-" : "__");
      }
    }
    return s.toString();
  }

  @Test
  void tierNamesAreAdmittedExactlyWhenTheyMapToADnsLabel() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "cassSubscriber",
                "www-elb",
                "INTERNET",
                "simpleV2.yml",
                "HTTPServer",
                "_private",
                "-x",
                "2fast",
                "***",
                "",
                " ",
                "a".repeat(63),
                "a".repeat(64),
                "a".repeat(62) + "B",
                "aB".repeat(21),
                "aB".repeat(22),
                "recommendationsForAnonymousVisitorsFromTheHomePageOfTheSiteV2"));
    Random random = new Random(12);
    IntStream.range(0, 600).forEach(i -> names.add(randomName(random, random.nextInt(12))));
    IntStream.range(0, 600).forEach(i -> names.add(randomCamelName(random)));
    for (String name : names) {
      assertThat(admitted("name", name))
          .as("admitted \"%s\" (%s)", name, DnsNames.problem(name).orElse("a valid name"))
          .isEqualTo(DnsNames.problem(name).isEmpty());
    }
  }

  @Test
  void aTierNameLongerThanTheSchemaAllowsIsRejectedThoughItCouldMapToALabel() {
    // maxLength bounds the CEL rule's cost; only separator runs can shrink 254 characters to 63.
    String name = "a" + "_".repeat(252) + "b";
    assertThat(DnsNames.problem(name)).isEmpty();
    assertThat(admitted("name", name)).isFalse();
  }

  private static boolean parses(String serviceTime) {
    try {
      ServiceTime.parse(serviceTime);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Service times from the grammar's pieces, well and badly assembled. */
  private static String randomServiceTime(Random random) {
    String[] forms = {"constant", "normal", "lognormal", "histogram", "gaussian", "", "Normal"};
    String[] durations = {"2ms", "0ms", "1.5s", "1h30m", "250us", "20ms", "7m", "5", "ms", "1.ms"};
    String[] weights = {"90", "0", "-0", "+5", "-5", "00", "x", "", "10"};
    String[] pads = {"", "", "", " ", "\t", "  "};
    StringBuilder s = new StringBuilder(pads[random.nextInt(pads.length)]);
    String form = forms[random.nextInt(forms.length)];
    s.append(form).append(pads[random.nextInt(pads.length)]);
    if (random.nextInt(20) > 0) {
      s.append('(');
    }
    int args =
        switch (random.nextInt(5) == 0 ? "" : form) {
          case "constant" -> 1;
          case "normal", "lognormal" -> 2;
          case "histogram" -> 1 + random.nextInt(3);
          default -> random.nextInt(4);
        };
    for (int i = 0; i < args; i++) {
      if (i > 0) {
        s.append(random.nextInt(8) > 0 ? "," : ",,");
      }
      s.append(pads[random.nextInt(pads.length)]);
      s.append(durations[random.nextInt(durations.length)]);
      if (form.equals("histogram") ? random.nextInt(8) > 0 : random.nextInt(8) == 0) {
        s.append(pads[random.nextInt(pads.length)]).append(':');
        s.append(pads[random.nextInt(pads.length)]).append(weights[random.nextInt(weights.length)]);
        if (random.nextInt(8) == 0) {
          s.append(random.nextBoolean() ? ":" : " : ");
        }
      }
      s.append(pads[random.nextInt(pads.length)]);
    }
    if (random.nextInt(8) == 0) {
      s.append(',');
    }
    if (random.nextInt(20) > 0) {
      s.append(')');
    }
    return s.append(pads[random.nextInt(pads.length)]).toString();
  }

  @Test
  void serviceTimesAreAdmittedExactlyWhenServiceTimeParseAcceptsThem() {
    List<String> times =
        new ArrayList<>(
            List.of(
                "",
                " ",
                "constant(2ms)",
                "constant (2ms) ",
                "constant(2ms,)",
                "constant(,2ms)",
                "constant()",
                "normal(5ms,1ms)",
                "normal(5ms)",
                "normal(5ms, )",
                "lognormal(2ms,20ms)",
                "lognormal(20ms,2ms)",
                "lognormal(0ms,2ms)",
                "lognormal(2ms,2ms)",
                "lognormal(1h,59m60s)",
                "histogram(1ms:90,10ms:10)",
                "histogram(1ms:0,10ms:0)",
                "histogram(1ms:-0,10ms:+3)",
                "histogram(1ms:-1,10ms:3)",
                "histogram(1ms:90:,10ms:10 : )",
                "histogram(1ms:90: :)",
                "histogram(1ms:90,,10ms:10)",
                "histogram(,)",
                "gaussian(5ms,1ms)",
                "constant(2ms))"));
    Random random = new Random(7);
    IntStream.range(0, 2000).forEach(i -> times.add(randomServiceTime(random)));
    int parsed = 0;
    for (String time : times) {
      // validate skips an empty serviceTime: the package's default applies
      boolean valid = time.isEmpty() || parses(time);
      parsed += valid ? 1 : 0;
      assertThat(admitted("serviceTime", time)).as("admitted \"%s\"", time).isEqualTo(valid);
    }
    assertThat(parsed).as("valid service times tried").isGreaterThan(200);
  }

  @Test
  void monkeyIntervalsAreAdmittedExactlyWhenDurationsParseAcceptsThem() {
    for (String interval :
        List.of("", "5m", " 5m ", "250us", "1h30m", "1.5s", "5 minutes", "5", "m", " ", "-5m")) {
      boolean valid;
      try {
        valid = interval.isEmpty() || Durations.parse(interval) != null;
      } catch (IllegalArgumentException e) {
        valid = false;
      }
      ObjectNode resource = architecture(Map.of());
      ((ObjectNode) resource.get("spec"))
          .putObject("chaos")
          .putObject("monkey")
          .put("interval", interval);
      assertThat(errorsAt(resource, "chaos.monkey.interval"))
          .as("errors of interval \"%s\"", interval)
          .hasSize(valid ? 0 : 1);
    }
  }

  private static ObjectNode regions(int regionCount, String... regionNames) {
    ObjectNode resource = architecture(Map.of());
    ObjectNode spec = (ObjectNode) resource.get("spec");
    spec.put("regionCount", regionCount);
    ArrayNode names = spec.putArray("regionNames");
    Arrays.stream(regionNames).forEach(names::add);
    return resource;
  }

  @Test
  void anEmptyRegionNamesListMeansTheSixDefaultsAsInValidate() {
    assertThat(ADMISSION.check(regions(6))).isEmpty();
    assertThat(ADMISSION.check(regions(7))).hasSize(1);
    assertThat(ADMISSION.check(regions(2, "us-east-1"))).hasSize(1);
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setServices(List.of(tier("store")));
    spec.setRegionNames(List.of());
    spec.setRegionCount(6);
    assertThat(ArchitectureValidator.validate(spec).errors()).isEmpty();
  }

  private static TierSpec tier(String name) {
    TierSpec t = new TierSpec();
    t.setName(name);
    t.setPackageName("store");
    return t;
  }

  @Test
  void theListsTheRulesWalkAreBoundedForTheApiServersCostEstimate() {
    assertThat(ADMISSION.schemaAt("spec", "services").path("maxItems").asInt())
        .isEqualTo(ArchitectureSpec.MAX_TIERS);
    assertThat(
            ADMISSION.schemaAt("spec", "services", "[]", "dependencies").path("maxItems").asInt())
        .isEqualTo(ArchitectureSpec.MAX_TIERS);
    assertThat(ADMISSION.schemaAt("spec", "services", "[]", "name").has("maxLength")).isTrue();
    assertThat(ADMISSION.schemaAt("spec", "services", "[]", "serviceTime").has("maxLength"))
        .isTrue();
  }

  @Test
  void moreTiersThanTheCrdAdmitsAreAnAdmissionOnlyLimit() {
    ObjectNode resource = architecture(Map.of());
    ArrayNode services = (ArrayNode) resource.get("spec").get("services");
    List<TierSpec> tiers = new ArrayList<>();
    for (int i = 0; tiers.size() <= ArchitectureSpec.MAX_TIERS; i++) {
      tiers.add(tier("t" + i));
      services.addObject().put("name", "t" + i).put("package", "store");
    }
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setServices(tiers);
    assertThat(ArchitectureValidator.validate(spec).errors()).isEmpty();
    assertThat(ADMISSION.check(resource))
        .containsExactlyInAnyOrder("services: maxItems", ": " + CrdAdmission.RULES_NOT_CHECKED);
  }

  @Test
  void dependenciesOnEurekaAndOnItselfAreAdmitted() {
    ObjectNode resource = architecture(Map.of());
    ((ObjectNode) resource.get("spec").get("services").get(0))
        .putArray("dependencies")
        .add("store")
        .add("eureka");
    assertThat(ADMISSION.check(resource)).isEmpty();
  }

  @Test
  void everySpecFieldHasADescription() {
    List<String> missing = new ArrayList<>();
    describe(ADMISSION.schemaAt("spec"), "spec", missing);
    assertThat(missing).as("fields without a description").isEmpty();
  }

  private static void describe(JsonNode schema, String path, List<String> missing) {
    StreamSupport.stream(schema.path("properties").properties().spliterator(), false)
        .forEach(
            p -> {
              String at = path + "." + p.getKey();
              if (!p.getValue().hasNonNull("description")) {
                missing.add(at);
              }
              // resources is Kubernetes' own ResourceRequirements, whose schema has none
              if (!p.getKey().equals("resources")) {
                describe(p.getValue(), at, missing);
                describe(p.getValue().path("items"), at + "[]", missing);
              }
            });
  }

  @Test
  void theCrossFieldRulesSitOnTheSpecAndEveryRuleHasAMessage() {
    Predicate<CrdAdmission.Rule> atSpec = r -> r.schemaPath().equals(List.of("spec"));
    assertThat(ADMISSION.rules()).filteredOn(atSpec).hasSizeGreaterThanOrEqualTo(7);
    assertThat(ADMISSION.rules()).allMatch(r -> !r.message().startsWith("failed rule"));
  }
}
