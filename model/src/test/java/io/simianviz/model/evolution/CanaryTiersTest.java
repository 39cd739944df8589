package io.simianviz.model.evolution;

import static io.simianviz.model.evolution.TransitionPlannerTest.base;
import static io.simianviz.model.evolution.TransitionPlannerTest.find;
import static io.simianviz.model.evolution.TransitionPlannerTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.evolution.CanaryTiers.CanaryTier;
import io.simianviz.model.evolution.TransitionStages.Stage;
import io.simianviz.model.evolution.TransitionStages.StageSpec;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.evolution.CanarySpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanaryTiersTest {
  private static ArchitectureSpec at(String version, boolean canary) {
    ArchitectureSpec s = base();
    find(s, "app").setVersion(version);
    if (canary) {
      CanarySpec c = new CanarySpec();
      c.setWeight(20);
      find(s, "app").setCanary(c);
    }
    return s;
  }

  @Test
  void aNewVersionWithACanaryCanariesThatTier() {
    ArchitectureSpec to = at("v2", true);
    find(to, "app").setErrorRate(0.2);

    List<CanaryTier> tiers = CanaryTiers.of(plan(at("v1", false), to));

    assertThat(tiers).hasSize(1);
    CanaryTier app = tiers.getFirst();
    assertThat(app.tier()).isEqualTo("app");
    assertThat(app.fromVersion()).isEqualTo("v1");
    assertThat(app.toVersion()).isEqualTo("v2");
    assertThat(app.policy().weight()).isEqualTo(20);
  }

  @Test
  void aNewVersionWithoutACanaryOrASettingsChangeAtTheSameVersionDoesNot() {
    assertThat(CanaryTiers.of(plan(at("v1", false), at("v2", false)))).isEmpty();
    ArchitectureSpec sameVersion = at("v1", true);
    find(sameVersion, "app").setErrorRate(0.2);
    assertThat(CanaryTiers.of(plan(at("v1", true), sameVersion))).isEmpty();
  }

  @Test
  void theHeldSwitchStageKeepsTheCanariedTierAtItsRunningVersionAndTheStagesCount() {
    ArchitectureSpec from = at("v1", false);
    ArchitectureSpec to = at("v2", true);
    find(to, "app").setErrorRate(0.2);
    find(to, "app").setCount(5);
    find(to, "db").setCount(4);
    StageSpec switched =
        TransitionStages.of(from, to).stream()
            .filter(s -> s.stage() == Stage.SWITCH)
            .findFirst()
            .orElseThrow();

    ArchitectureSpec held = CanaryTiers.held(switched.spec(), from, to, Set.of("app"));

    assertThat(find(held, "app").getVersion()).isEqualTo("v1");
    assertThat(find(held, "app").getErrorRate()).isNull();
    assertThat(find(held, "app").getCanary()).isNull();
    assertThat(find(held, "app").getCount()).isEqualTo(5);
    // Every other tier is as the stage has it.
    assertThat(find(held, "db").getCount()).isEqualTo(4);
    assertThat(find(switched.spec(), "app").getVersion()).isEqualTo("v2");
  }

  @Test
  void aHeldTierWhoseShapeChangesKeepsItsRunningShape() {
    ArchitectureSpec from = at("v1", false);
    ArchitectureSpec to = at("v2", true);
    find(to, "app").setCount(0); // one instance not tied to a zone: another shape
    StageSpec switched =
        TransitionStages.of(from, to).stream()
            .filter(s -> s.stage() == Stage.SWITCH)
            .findFirst()
            .orElseThrow();

    ArchitectureSpec held = CanaryTiers.held(switched.spec(), from, to, Set.of("app"));

    assertThat(find(held, "app").getCount()).isEqualTo(3);
    assertThat(find(held, "app").getVersion()).isEqualTo("v1");
  }
}
