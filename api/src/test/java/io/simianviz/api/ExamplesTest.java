package io.simianviz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.ChaosExperimentFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.model.validation.ArchitectureValidator;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import io.simianviz.model.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the repository's {@code examples/} directory: every example reads, validates and expands;
 * every file in {@code examples/invalid/} produces exactly the errors its {@code # expect:} lines
 * name.
 */
class ExamplesTest {
  private static final String EXPECT = "# expect: ";
  private static final int[] MIGRATION_INSTANCES = {13, 14, 17, 23, 29, 35, 33, 65, 65, 97};
  private static final Path EXAMPLES = findExamples();

  /** Walks up from the working directory to the directory holding examples/ and pom.xml. */
  private static Path findExamples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir.resolve("examples");
      }
    }
    throw new IllegalStateException(
        "no examples/ directory beside a pom.xml above " + Path.of("").toAbsolutePath());
  }

  /**
   * Every YAML or JSON file but the ChaosExperiments (examples/chaos/, which ChaosExamplesTest
   * checks): told apart by their kind, so an Architecture there is checked here.
   */
  private static boolean isArchitectureFile(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p)
        && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
        && !ChaosExperimentFiles.isChaosExperiment(p);
  }

  private static List<Path> files(Path dir, boolean invalid) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(ExamplesTest::isArchitectureFile)
          .filter(p -> invalid == EXAMPLES.relativize(p).startsWith("invalid"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Named<Path> named(Path p) {
    return Named.of(EXAMPLES.relativize(p).toString(), p);
  }

  static Stream<Named<Path>> validExamples() {
    return files(EXAMPLES, false).stream().map(ExamplesTest::named);
  }

  static Stream<Named<Path>> invalidExamples() {
    return files(EXAMPLES.resolve("invalid"), true).stream().map(ExamplesTest::named);
  }

  private static String rel(Path p) {
    return EXAMPLES.relativize(p).toString().replace('\\', '/');
  }

  private static LoadedArchitecture read(String relative) throws IOException {
    return ArchitectureFiles.read(EXAMPLES.resolve(relative));
  }

  private static Topology expand(String relative, ExpansionOptions options) throws IOException {
    LoadedArchitecture a = read(relative);
    return TopologyExpander.expand(a.name(), a.architecture().getSpec(), options);
  }

  private static Topology expand(String relative) throws IOException {
    return expand(relative, ExpansionOptions.NONE);
  }

  private static Map<String, Integer> countsByTier(Topology t) {
    return t.byTier().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
  }

  private static Set<String> regions(Topology t) {
    return t.instances().stream()
        .map(Instance::region)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theExpectedExamplesAreFound() {
    List<String> valid = files(EXAMPLES, false).stream().map(ExamplesTest::rel).toList();
    assertThat(valid)
        .contains(
            "lamp.yaml",
            "lamp-protocols.yaml",
            "netflixoss.yaml",
            "riak.yaml",
            "netflixoss-multiregion.yaml",
            "spigo/lamp.json",
            "spigo/netflixoss.json",
            "chaos/fragile-architecture.yaml")
        .contains(
            IntStream.range(0, 10)
                .mapToObj(i -> "migration/step" + i + ".yaml")
                .toArray(String[]::new))
        .noneMatch(p -> p.startsWith("invalid/"));
    assertThat(files(EXAMPLES.resolve("invalid"), true)).hasSizeGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest
  @MethodSource("validExamples")
  void everyExampleReadsValidatesAndExpands(Path file) throws IOException {
    LoadedArchitecture a = ArchitectureFiles.read(file);
    ValidationResult result = ArchitectureValidator.validate(a.architecture().getSpec());
    assertThat(result.errors()).as("validation errors of %s", rel(file)).isEmpty();
    assertThat(result.isValid()).isTrue();

    Topology t =
        TopologyExpander.expand(a.name(), a.architecture().getSpec(), ExpansionOptions.NONE);
    assertThat(t.arch()).isEqualTo(a.name());
    assertThat(t.instances()).isNotEmpty();
    assertThat(t.instances().stream().map(Instance::name))
        .as("instance names are unique")
        .doesNotHaveDuplicates()
        .allMatch(n -> n.startsWith(a.name() + "."));
    // every tier runs (none of the examples declares an eureka tier, which is not deployed)
    assertThat(t.byTier().keySet())
        .containsExactlyInAnyOrderElementsOf(
            a.architecture().getSpec().getServices().stream().map(TierSpec::getName).toList());
  }

  @ParameterizedTest
  @MethodSource("invalidExamples")
  void everyInvalidExampleFailsWithExactlyTheExpectedErrors(Path file) throws IOException {
    List<String> expected =
        Files.readAllLines(file).stream()
            .filter(l -> l.startsWith(EXPECT))
            .map(l -> l.substring(EXPECT.length()).strip())
            .toList();
    assertThat(expected).as("%s has no '%s' line", rel(file), EXPECT.strip()).isNotEmpty();

    List<Problem> problems;
    try {
      LoadedArchitecture a = ArchitectureFiles.read(file);
      problems = ArchitectureValidator.validate(a.architecture().getSpec()).errors();
    } catch (InvalidArchitectureException e) {
      problems = e.problems();
    }
    assertThat(problems.stream().map(Problem::toString).toList())
        .as("errors of %s", rel(file))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void netflixossExpandsTo65Instances() throws IOException {
    Topology t = expand("netflixoss.yaml");
    assertThat(t.instances()).hasSize(65);
    assertThat(countsByTier(t))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "cassSubscriber", 6,
                "evcacheSubscriber", 3,
                "subscriber", 6,
                "login", 18,
                "homepage", 24,
                "wwwproxy", 6,
                "www-elb", 1,
                "www", 1));
    assertThat(regions(t)).containsExactly("*", "us-east-1");
    assertThat(t.instances().get(0).name())
        .isEqualTo("netflixoss.us-east-1.zoneA.cassSubscriber00");
  }

  @Test
  void lampExpandsTo23Instances() throws IOException {
    Topology t = expand("lamp.yaml");
    assertThat(t.instances()).hasSize(23);
    assertThat(countsByTier(t))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("rds-mysql", 2, "memcache", 1, "webserver", 18, "webserver-elb", 1, "www", 1));
  }

  @Test
  void riakExpandsTo51InstancesWithThreeTrafficSources() throws IOException {
    Topology t = expand("riak.yaml");
    assertThat(t.instances()).hasSize(51);
    assertThat(t.instances().stream().filter(Instance::isGlobal).map(Instance::tier))
        .containsExactlyInAnyOrder("analytics-api", "iot-api", "stream-api");
  }

  @Test
  void twoRegionsDoubleTheRegionalTiersButNotTheGlobalOne() throws IOException {
    Topology one = expand("netflixoss.yaml");
    Topology two = expand("netflixoss.yaml", new ExpansionOptions(null, 2));
    assertThat(two.instances()).hasSize(129);
    Map<String, Integer> before = countsByTier(one);
    Map<String, Integer> after = countsByTier(two);
    assertThat(after.get("www")).isEqualTo(1);
    before.forEach(
        (tier, n) -> {
          if (!tier.equals("www")) {
            assertThat(after.get(tier)).as(tier).isEqualTo(2 * n);
          }
        });
    assertThat(regions(two)).containsExactly("*", "us-east-1", "us-west-2");
    assertThat(two.edges()).isEqualTo(one.edges());
  }

  @Test
  void multiregionExampleSpansThreeRegionsWithConnectedCassandra() throws IOException {
    LoadedArchitecture a = read("netflixoss-multiregion.yaml");
    Topology t = expand("netflixoss-multiregion.yaml");
    assertThat(t.instances()).hasSize(3 * 64 + 1);
    assertThat(regions(t)).containsExactly("*", "eu-west-1", "us-east-1", "us-west-2");
    TierSpec cass =
        a.architecture().getSpec().getServices().stream()
            .filter(s -> s.getName().equals("cassSubscriber"))
            .findFirst()
            .orElseThrow();
    assertThat(cass.getDependencies()).contains("cassSubscriber", "eureka");
  }

  @Test
  void spigoJsonGivesTheSameTopologyAsItsYamlTwin() throws IOException {
    for (String name : List.of("lamp", "netflixoss")) {
      LoadedArchitecture json = read("spigo/" + name + ".json");
      LoadedArchitecture yaml = read(name + ".yaml");
      assertThat(json.format()).isEqualTo(LoadedArchitecture.Format.SPIGO);
      assertThat(yaml.format()).isEqualTo(LoadedArchitecture.Format.ARCHITECTURE);
      assertThat(json.name()).isEqualTo(yaml.name()).isEqualTo(name);
      assertThat(json.architecture().getSpec().getVictim())
          .isEqualTo(yaml.architecture().getSpec().getVictim());
      assertThat(json.architecture().getSpec().getDescription())
          .isEqualTo(yaml.architecture().getSpec().getDescription());
      for (ExpansionOptions options :
          List.of(ExpansionOptions.NONE, new ExpansionOptions(1000, 3))) {
        assertThat(expand("spigo/" + name + ".json", options))
            .as("%s with %s", name, options)
            .isEqualTo(expand(name + ".yaml", options));
      }
    }
  }

  @Test
  void migrationStepsTellTheStory() throws IOException {
    List<LoadedArchitecture> steps =
        IntStream.range(0, 10)
            .mapToObj(
                i -> {
                  try {
                    return read("migration/step" + i + ".yaml");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toList();
    assertThat(steps).allMatch(s -> s.name().equals("migration"));
    Function<Integer, Set<String>> tiers =
        i ->
            steps.get(i).architecture().getSpec().getServices().stream()
                .map(TierSpec::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    Function<Integer, TierSpec> php =
        i ->
            steps.get(i).architecture().getSpec().getServices().stream()
                .filter(s -> s.getName().equals("php"))
                .findFirst()
                .orElseThrow();

    assertThat(tiers.apply(0)).containsExactly("php", "rds-mysql", "www", "www-elb");
    assertThat(php.apply(0).getPackageName()).isEqualTo("monolith");
    assertThat(added(tiers, 1)).containsExactly("memcache");
    assertThat(added(tiers, 2)).containsExactly("wwwproxy");
    assertThat(added(tiers, 3)).containsExactly("datastore");
    assertThat(php.apply(3).getPackageName()).isEqualTo("karyon");
    assertThat(php.apply(3).getDependencies()).containsExactly("datastore");
    assertThat(added(tiers, 4)).containsExactly("node");
    assertThat(added(tiers, 5)).containsExactly("cassandra");
    assertThat(tiers.apply(5)).contains("rds-mysql");
    assertThat(tiers.apply(6)).doesNotContain("rds-mysql");
    assertThat(tiers.apply(6)).isEqualTo(tiers.apply(9));

    for (int i = 0; i <= 9; i++) {
      Topology t = expand("migration/step" + i + ".yaml");
      assertThat(t.instances()).as("instances of step %d", i).hasSize(MIGRATION_INSTANCES[i]);
      int expectedRegions = i < 7 ? 1 : i < 9 ? 2 : 3;
      assertThat(regions(t)).as("regions of step %d", i).hasSize(expectedRegions + 1).contains("*");
      TierSpec cassandra =
          steps.get(i).architecture().getSpec().getServices().stream()
              .filter(s -> s.getName().equals("cassandra"))
              .findFirst()
              .orElse(null);
      if (i < 5) {
        assertThat(cassandra).as("step %d", i).isNull();
      } else {
        assertThat(cassandra.getDependencies().contains("eureka"))
            .as("step %d", i)
            .isEqualTo(i >= 8);
      }
    }
  }

  private static Set<String> added(Function<Integer, Set<String>> tiers, int step) {
    Set<String> now = new TreeSet<>(tiers.apply(step));
    now.removeAll(tiers.apply(step - 1));
    if (!tiers.apply(step).containsAll(tiers.apply(step - 1))) {
      fail("step %d removes tiers of step %d", step, step - 1);
    }
    return now;
  }
}
