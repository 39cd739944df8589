package io.simianviz.model.validation;

import static io.simianviz.api.testsupport.Specs.netflixoss;
import static io.simianviz.api.testsupport.Specs.spec;
import static io.simianviz.api.testsupport.Specs.tier;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.ArchitectureSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyCyclesTest {
  private static List<String> cycleWarnings(ArchitectureSpec spec) {
    return ArchitectureValidator.validate(spec).warnings().stream()
        .map(Problem::toString)
        .filter(w -> w.contains("dependency cycle"))
        .toList();
  }

  @Test
  void routersCallingEachOtherAreACycleNamedOnceAtItsFirstTier() {
    ArchitectureSpec s =
        spec(
            tier("www", "denominator", 0, 0, "webserver"),
            tier("webserver", "monolith", 3, 1, "api"),
            tier("api", "karyon", 3, 1, "webserver", "db"),
            tier("db", "store", 2, 1));
    assertThat(ArchitectureValidator.validate(s).isValid()).isTrue();
    assertThat(cycleWarnings(s))
        .containsExactly(
            "services[1].dependencies: dependency cycle webserver → api → webserver: a request"
                + " can loop; the nanoservice fails it after 16 hops");
  }

  @Test
  void aRouterThatCallsItselfIsACycleOfOne() {
    ArchitectureSpec s =
        spec(tier("www", "denominator", 0, 0, "echo"), tier("echo", "zuul", 3, 1, "echo"));
    assertThat(cycleWarnings(s))
        .containsExactly(
            "services[1].dependencies: dependency cycle echo → echo: a request can loop; the"
                + " nanoservice fails it after 16 hops");
  }

  @Test
  void storesAndRingsOnlyCopyWithinTheirTierSoTheirDependenciesCarryNoLoop() {
    // spigo's composeV2: the data access layer and its store depend on each other
    ArchitectureSpec s =
        spec(
            tier("www", "denominator", 0, 0, "db"),
            tier("db", "staash", 3, 1, "db-data"),
            tier("db-data", "store", 3, 1, "db", "db-data"),
            tier("ring", "priamCassandra", 3, 1, "ring", "eureka", "db"));
    assertThat(cycleWarnings(s)).isEmpty();
    assertThat(cycleWarnings(netflixoss())).isEmpty();
  }

  @Test
  void aLongerCycleIsNamedByItsShortestPath() {
    ArchitectureSpec s =
        spec(
            tier("a", "zuul", 1, 1, "b"),
            tier("b", "karyon", 1, 1, "c", "a"),
            tier("c", "karyon", 1, 1, "a"));
    assertThat(cycleWarnings(s))
        .containsExactly(
            "services[0].dependencies: dependency cycle a → b → a: a request can loop; the"
                + " nanoservice fails it after 16 hops");
  }
}
