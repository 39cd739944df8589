package io.simianviz.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.PackageSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
}
