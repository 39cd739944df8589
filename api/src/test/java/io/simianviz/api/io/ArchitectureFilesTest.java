package io.simianviz.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.api.testsupport.Specs;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.Fanout;
import io.simianviz.model.spec.Protocol;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitectureFilesTest {
  private static final String HEADER =
      """
      apiVersion: simianviz.io/v1alpha1
      kind: Architecture
      metadata:
        name: demo
      """;

  private static final String CR_YAML =
      """
      apiVersion: simianviz.io/v1alpha1
      kind: Architecture
      metadata:
        name: lamp
      spec:
        description: Simple LAMP stack
        version: arch-0.0
        victim: webserver
        regionCount: 2
        scale: 200
        services:
          - name: rds-mysql
            package: store
            count: 2
            regions: 1
            serviceTime: lognormal(2ms,20ms)
            hitRate: 0.9
          - name: webserver
            package: monolith
            count: 18
            regions: 1
            dependencies: [rds-mysql]
            protocol: grpc
            fanout: all
            errorRate: 0.01
            responseBytes: 512
          - name: www
            package: denominator
            count: 0
            regions: 0
            dependencies: [webserver]
        traffic:
          rate: 50
          mix: {get: 90, put: 10}
      """;

  private static final String CR_JSON =
      """
      {"apiVersion": "simianviz.io/v1alpha1", "kind": "Architecture",
       "metadata": {"name": "lamp"},
       "spec": {"victim": "webserver",
                "services": [
                  {"name": "rds-mysql", "package": "store", "count": 2, "regions": 1},
                  {"name": "webserver", "package": "monolith", "count": 18, "regions": 1,
                   "dependencies": ["rds-mysql"], "protocol": "http"},
                  {"name": "www", "package": "denominator", "count": 0, "regions": 0,
                   "dependencies": ["webserver"]}]}}
      """;

  private static InvalidArchitectureException rejected(String text) {
    try {
      ArchitectureFiles.parse(text, "fallback");
    } catch (InvalidArchitectureException e) {
      return e;
    }
    throw new AssertionError("expected the text to be rejected:\n" + text);
  }

  // --- spigo JSON ---

  @Test
  void detectsAndConvertsSpigoJson() {
    LoadedArchitecture loaded = ArchitectureFiles.parse(Specs.NETFLIXOSS_JSON, "fallback");
    assertThat(loaded.format()).isEqualTo(LoadedArchitecture.Format.SPIGO);
    assertThat(loaded.name()).isEqualTo("netflixoss");
    Architecture a = loaded.architecture();
    assertThat(a.getApiVersion()).isEqualTo("simianviz.io/v1alpha1");
    assertThat(a.getKind()).isEqualTo("Architecture");
    ArchitectureSpec spec = a.getSpec();
    assertThat(spec.getDescription()).isEqualTo("A very simple Netflix service");
    assertThat(spec.getVersion()).isEqualTo("arch-0.0");
    assertThat(spec.getVictim()).isEqualTo("homepage");
    assertThat(spec.getServices())
        .extracting(TierSpec::getName)
        .containsExactly(
            "cassSubscriber",
            "evcacheSubscriber",
            "subscriber",
            "login",
            "homepage",
            "wwwproxy",
            "www-elb",
            "www");
    TierSpec cass = spec.getServices().get(0);
    assertThat(cass.getPackageName()).isEqualTo("priamCassandra");
    assertThat(cass.getCount()).isEqualTo(6);
    assertThat(cass.getRegions()).isEqualTo(1);
    assertThat(cass.getDependencies()).containsExactly("cassSubscriber", "eureka");
    TierSpec www = spec.getServices().get(7);
    assertThat(www.getCount()).isZero();
    assertThat(www.getRegions()).isZero();
    assertThat(spec.getScale()).isNull();
    assertThat(spec.getRegionCount()).isNull();
  }

  @Test
  void spigoJsonConvertsToTheSameSpecAsTheJavaBuilder() {
    ArchitectureSpec parsed =
        ArchitectureFiles.parse(Specs.NETFLIXOSS_JSON, "x").architecture().getSpec();
    assertThat(parsed).usingRecursiveComparison().isEqualTo(Specs.netflixoss());
  }

  @Test
  void spigoFieldsSpigoIgnoredAreAccepted() {
    String json =
        """
        {"arch": "containers", "services": [
          {"name": "db", "machine": "machine", "instance": "instance", "container": "postgres",
           "process": "process", "package": "store", "regions": 1, "count": 1, "dependencies": null,
           "useCustomGuesstimate": true, "guesstimateType": "normal",
           "guesstimateValue": {"mean": 2, "sd": 1}},
          {"name": "www", "machine": "external", "package": "denominator", "count": 0,
           "dependencies": ["db"], "useCustomGuesstimate": false, "guesstimateValue": 5}]}
        """;
    LoadedArchitecture loaded = ArchitectureFiles.parse(json, "x");
    assertThat(loaded.format()).isEqualTo(LoadedArchitecture.Format.SPIGO);
    assertThat(loaded.name()).isEqualTo("containers");
    List<TierSpec> tiers = loaded.architecture().getSpec().getServices();
    assertThat(tiers).extracting(TierSpec::getName).containsExactly("db", "www");
    assertThat(tiers.get(0).getDependencies()).isEmpty();
    assertThat(tiers.get(1).getDependencies()).containsExactly("db");
    assertThat(ArchitectureFiles.toYaml(loaded.architecture()))
        .doesNotContain("machine", "postgres", "guesstimate");
  }

  @Test
  void spigoDefaultsForMissingFields() {
    String json =
        """
        {"arch": "defaults", "victim": "", "services": [{"name": "www", "package": "denominator"}]}
        """;
    ArchitectureSpec spec = ArchitectureFiles.parse(json, "x").architecture().getSpec();
    TierSpec www = spec.getServices().get(0);
    assertThat(www.getCount()).isZero();
    assertThat(www.getRegions()).as("spigo's regions omitempty: absent means 0").isZero();
    assertThat(www.getDependencies()).isEmpty();
    assertThat(spec.getVictim()).isNull();
  }

  @Test
  void spigoArchValueBecomesAValidName() {
    String json =
        """
        {"arch": "simpleV2.yml", "services": [{"name": "db", "package": "store", "count": 1}]}
        """;
    assertThat(ArchitectureFiles.parse(json, "x").name()).isEqualTo("simple-v2-yml");
  }

  @Test
  void missingOrBlankArchFallsBackToTheFileName() {
    String json = "{\"services\": [{\"name\": \"db\", \"package\": \"store\", \"count\": 1}]}";
    assertThat(ArchitectureFiles.parse(json, "lamp_arch").name()).isEqualTo("lamp-arch");
    String blank = "{\"arch\": \" \", \"services\": [{\"name\": \"db\", \"package\": \"store\"}]}";
    assertThat(ArchitectureFiles.parse(blank, "myArch").name()).isEqualTo("my-arch");
  }

  @Test
  void readUsesTheFileNameWithoutExtensionAsFallback(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("netflixOSS_arch.json");
    Files.writeString(
        file, "{\"services\": [{\"name\": \"db\", \"package\": \"store\", \"count\": 1}]}");
    LoadedArchitecture loaded = ArchitectureFiles.read(file);
    assertThat(loaded.format()).isEqualTo(LoadedArchitecture.Format.SPIGO);
    assertThat(loaded.name()).isEqualTo("netflix-oss-arch");
  }

  @Test
  void readParsesACustomResourceFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("whatever.yaml");
    Files.writeString(file, CR_YAML);
    LoadedArchitecture loaded = ArchitectureFiles.read(file);
    assertThat(loaded.format()).isEqualTo(LoadedArchitecture.Format.ARCHITECTURE);
    assertThat(loaded.name()).isEqualTo("lamp");
  }

  @Test
  void readOfAMissingFileIsAnIoError(@TempDir Path dir) {
    assertThatThrownBy(() -> ArchitectureFiles.read(dir.resolve("absent.yaml")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void unknownSpigoField() {
    String json = "{\"services\": [{\"name\": \"db\", \"package\": \"store\", \"bogus\": 1}]}";
    assertThat(rejected(json).problems())
        .containsExactly(new Problem("services[0].bogus", "unknown field"));
  }

  @Test
  void spigoCountThatIsNotANumber() {
    String json = "{\"services\": [{\"name\": \"db\", \"package\": \"store\", \"count\": \"x\"}]}";
    assertThat(rejected(json)).hasMessage("services[0].count: \"x\" is not a valid whole number");
  }

  @Test
  void fractionalCountIsRejected() {
    String json = "{\"services\": [{\"name\": \"db\", \"package\": \"store\", \"count\": 2.5}]}";
    assertThat(rejected(json)).hasMessage("services[0].count: \"2.5\" is not a valid whole number");
  }

  @Test
  void duplicateKeysAreRejected() {
    String json =
        "{\"services\": [{\"name\": \"db\", \"package\": \"store\", \"count\": 2, \"count\": 3}]}";
    assertThat(rejected(json)).hasMessageStartingWith("not valid YAML or JSON: ");
    assertThat(rejected(json)).hasMessageContaining("count");
  }

  @Test
  void spigoJsonIndentedWithTabsIsAccepted() {
    String json =
        "{\n"
            + "    \"arch\": \"tabs\",\n"
            + "    \"services\": [\n"
            + "        {\n"
            + "            \"name\": \"db\",\n"
            + "            \"dependencies\": [\n"
            + "\t\t\"db\", \"eureka\"\n"
            + "\t      ],\n"
            + "            \"package\": \"store\",\n"
            + "            \"count\": 3\n"
            + "        }\n"
            + "    ]\n"
            + "}\n";
    LoadedArchitecture loaded = ArchitectureFiles.parse(json, "x");
    assertThat(loaded.name()).isEqualTo("tabs");
    assertThat(loaded.architecture().getSpec().getServices().get(0).getDependencies())
        .containsExactly("db", "eureka");
  }

  @Test
  void spigoArgsAndDateFieldsAreAccepted() {
    String json =
        """
        {"arch": "simpleV2.yml", "version": "arch-0.1", "description": "compose yaml",
         "args": "[compose2arch -file simpleV2.yml]", "date": "2016-02-15T18:15:58.851429152-08:00",
         "services": [{"name": "db", "package": "store", "regions": 1, "count": 1}]}
        """;
    assertThat(ArchitectureFiles.parse(json, "x").name()).isEqualTo("simple-v2-yml");
  }

  // --- custom resource ---

  @Test
  void parsesCustomResourceYaml() {
    LoadedArchitecture loaded = ArchitectureFiles.parse(CR_YAML, "fallback");
    assertThat(loaded.format()).isEqualTo(LoadedArchitecture.Format.ARCHITECTURE);
    assertThat(loaded.name()).isEqualTo("lamp");
    ArchitectureSpec spec = loaded.architecture().getSpec();
    assertThat(spec.getDescription()).isEqualTo("Simple LAMP stack");
    assertThat(spec.getVictim()).isEqualTo("webserver");
    assertThat(spec.getRegionCount()).isEqualTo(2);
    assertThat(spec.getScale()).isEqualTo(200);
    assertThat(spec.getServices()).hasSize(3);
    TierSpec db = spec.getServices().get(0);
    assertThat(db.getServiceTime()).isEqualTo("lognormal(2ms,20ms)");
    assertThat(db.getHitRate()).isEqualTo(0.9);
    TierSpec web = spec.getServices().get(1);
    assertThat(web.getProtocol()).isEqualTo(Protocol.GRPC);
    assertThat(web.getFanout()).isEqualTo(Fanout.ALL);
    assertThat(web.getErrorRate()).isEqualTo(0.01);
    assertThat(web.getResponseBytes()).isEqualTo(512);
    assertThat(web.getDependencies()).containsExactly("rds-mysql");
    assertThat(spec.getTraffic().getRate()).isEqualTo(50.0);
    assertThat(spec.getTraffic().getMix().getGet()).isEqualTo(90);
    assertThat(spec.getTraffic().getMix().getPut()).isEqualTo(10);
  }

  @Test
  void parsesCustomResourceJson() {
    LoadedArchitecture loaded = ArchitectureFiles.parse(CR_JSON, "fallback");
    assertThat(loaded.format()).isEqualTo(LoadedArchitecture.Format.ARCHITECTURE);
    assertThat(loaded.name()).isEqualTo("lamp");
    assertThat(loaded.architecture().getSpec().getServices())
        .extracting(TierSpec::getName)
        .containsExactly("rds-mysql", "webserver", "www");
    assertThat(loaded.architecture().getSpec().getServices().get(1).getProtocol())
        .isEqualTo(Protocol.HTTP);
  }

  @Test
  void unknownFieldInATier() {
    String yaml =
        HEADER + "spec:\n  services:\n    - name: a\n      package: store\n      bogus: 1\n";
    InvalidArchitectureException e = rejected(yaml);
    // Paths are relative to the spec, the same in both file forms.
    assertThat(e.problems()).containsExactly(new Problem("services[0].bogus", "unknown field"));
    assertThat(e).hasMessage("services[0].bogus: unknown field");
  }

  @Test
  void unknownFieldDeeperInTheSpec() {
    String yaml = HEADER + "spec:\n  traffic:\n    burst: 5\n";
    assertThat(rejected(yaml)).hasMessage("traffic.burst: unknown field");
  }

  @Test
  void badEnumValue() {
    String yaml =
        HEADER + "spec:\n  services:\n    - name: a\n      package: store\n      protocol: smtp\n";
    assertThat(rejected(yaml))
        .hasMessage(
            "services[0].protocol: \"smtp\" is not a valid value (expected one of http, http2, grpc)");
    String fanout =
        HEADER + "spec:\n  services:\n    - name: a\n      package: store\n      fanout: some\n";
    assertThat(rejected(fanout))
        .hasMessage("services[0].fanout: \"some\" is not a valid value (expected one of one, all)");
  }

  @Test
  void emptyEnumValue() {
    String yaml =
        HEADER + "spec:\n  services:\n    - name: a\n      package: store\n      protocol: ''\n";
    assertThat(rejected(yaml)).hasMessage("services[0].protocol: must not be empty");
  }

  @Test
  void numberFieldWithText() {
    String yaml =
        HEADER + "spec:\n  services:\n    - name: a\n      package: store\n      count: many\n";
    assertThat(rejected(yaml))
        .hasMessage("services[0].count: \"many\" is not a valid whole number");
  }

  @Test
  void wrongApiVersion() {
    String yaml = "apiVersion: v1\nkind: Architecture\nmetadata:\n  name: demo\nspec: {}\n";
    InvalidArchitectureException e = rejected(yaml);
    assertThat(e.problems())
        .containsExactly(new Problem("apiVersion", "expected simianviz.io/v1alpha1, got \"v1\""));
    assertThat(rejected("kind: Architecture\nspec: {}\n"))
        .hasMessage("apiVersion: expected simianviz.io/v1alpha1, got \"\"");
  }

  @Test
  void wrongKind() {
    String yaml = "apiVersion: simianviz.io/v1alpha1\nkind: Deployment\nmetadata:\n  name: d\n";
    assertThat(rejected(yaml)).hasMessage("kind: expected Architecture, got \"Deployment\"");
    assertThat(rejected("apiVersion: simianviz.io/v1alpha1\nmetadata:\n  name: d\n"))
        .hasMessage("kind: expected Architecture, got \"\"");
  }

  @Test
  void invalidMetadataName() {
    String msg =
        " is not a valid name (lower-case letters, digits and '-', starting with a letter, at"
            + " most 63 characters)";
    for (String name : new String[] {"Netflix_OSS", "netflixOss", "9lives", "a".repeat(64)}) {
      String yaml =
          "apiVersion: simianviz.io/v1alpha1\nkind: Architecture\nmetadata:\n  name: \""
              + name
              + "\"\nspec: {}\n";
      assertThat(rejected(yaml).problems())
          .containsExactly(new Problem("metadata.name", "\"" + name + "\"" + msg));
    }
  }

  @Test
  void missingMetadataName() {
    assertThat(rejected("apiVersion: simianviz.io/v1alpha1\nkind: Architecture\nspec: {}\n"))
        .hasMessage("metadata.name: required");
    assertThat(
            rejected(
                "apiVersion: simianviz.io/v1alpha1\nkind: Architecture\nmetadata: {}\nspec: {}\n"))
        .hasMessage("metadata.name: required");
  }

  @Test
  void nullSpecIsRequired() {
    assertThat(rejected(HEADER + "spec: null\n")).hasMessage("spec: required");
  }

  @Test
  void missingSpecIsRequired() {
    assertThat(rejected(HEADER)).hasMessage("spec: required");
  }

  @Test
  void notYamlAtAll() {
    InvalidArchitectureException e = rejected("{ not: [valid");
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).path()).isEmpty();
    assertThat(e).hasMessageStartingWith("not valid YAML or JSON: ");
  }

  @Test
  void notAnObject() {
    for (String text : new String[] {"hello world", "", "- a\n- b\n", "42"}) {
      assertThat(rejected(text))
          .hasMessage("expected an object (an Architecture or a spigo architecture)");
    }
  }

  @Test
  void objectThatIsNeitherForm() {
    assertThat(rejected("{\"arch\": \"lamp\"}"))
        .hasMessage(
            "neither an Architecture (no apiVersion and kind) nor a spigo architecture (no"
                + " services)");
  }

  // --- writing ---

  @Test
  void roundTripOfACustomResourceGivesAnEqualSpec() {
    Architecture original = ArchitectureFiles.parse(CR_YAML, "x").architecture();
    String yaml = ArchitectureFiles.toYaml(original);
    LoadedArchitecture again = ArchitectureFiles.parse(yaml, "other");
    assertThat(again.format()).isEqualTo(LoadedArchitecture.Format.ARCHITECTURE);
    assertThat(again.name()).isEqualTo("lamp");
    assertThat(again.architecture().getSpec())
        .usingRecursiveComparison()
        .isEqualTo(original.getSpec());
    assertThat(ArchitectureFiles.toYaml(again.architecture())).isEqualTo(yaml);
  }

  @Test
  void roundTripOfAnImportedSpigoArchitecture() {
    Architecture imported = ArchitectureFiles.parse(Specs.NETFLIXOSS_JSON, "x").architecture();
    String yaml = ArchitectureFiles.toYaml(imported);
    assertThat(yaml)
        .startsWith(
            "apiVersion: simianviz.io/v1alpha1\nkind: Architecture\nmetadata:\n  name: netflixoss\n");
    assertThat(yaml).contains("package: priamCassandra").doesNotContain("packageName");
    LoadedArchitecture again = ArchitectureFiles.parse(yaml, "other");
    assertThat(again.format()).isEqualTo(LoadedArchitecture.Format.ARCHITECTURE);
    assertThat(again.architecture().getSpec())
        .usingRecursiveComparison()
        .isEqualTo(imported.getSpec());
  }
}
