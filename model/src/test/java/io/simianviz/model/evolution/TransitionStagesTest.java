package io.simianviz.model.evolution;

import static io.simianviz.model.evolution.TransitionPlannerTest.base;
import static io.simianviz.model.evolution.TransitionPlannerTest.find;
import static io.simianviz.model.evolution.TransitionPlannerTest.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.model.evolution.TransitionStages.Stage;
import io.simianviz.model.evolution.TransitionStages.StageSpec;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TrafficSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionStagesTest {
  private static ArchitectureSpec copy(ArchitectureSpec spec) {
    return TransitionStages.of(new ArchitectureSpec(), spec).getLast().spec();
  }

  private static List<Stage> names(List<StageSpec> stages) {
    return stages.stream().map(StageSpec::stage).toList();
  }

  @Test
  void equalSpecsHaveNoStage() {
    assertThat(TransitionStages.of(base(), base())).isEmpty();
  }

  @Test
  void aNewTierStartsInGrowAndItsCallerIsRepointedInSwitch() {
    ArchitectureSpec to = base();
    to.getServices().addFirst(tier("cache", "cache", 1, 1));
    find(to, "app").getDependencies().add("cache");

    List<StageSpec> stages = TransitionStages.of(base(), to);

    assertThat(names(stages)).containsExactly(Stage.GROW, Stage.SWITCH);
    ArchitectureSpec grow = stages.get(0).spec();
    assertThat(find(grow, "cache").getCount()).isEqualTo(1);
    assertThat(find(grow, "app").getDependencies()).containsExactly("db");
    assertThat(TransitionStages.same(stages.get(1).spec(), to)).isTrue();
  }

  @Test
  void aRemovedTierStaysUntilShrinkAndItsCallerIsRepointedFirst() {
    ArchitectureSpec to = base();
    to.getServices().removeFirst();
    find(to, "app").getDependencies().clear();

    List<StageSpec> stages = TransitionStages.of(base(), to);

    assertThat(names(stages)).containsExactly(Stage.SWITCH, Stage.SHRINK);
    ArchitectureSpec switched = stages.get(0).spec();
    assertThat(find(switched, "db").getCount()).isEqualTo(2);
    assertThat(find(switched, "app").getDependencies()).isEmpty();
    assertThat(TransitionStages.same(stages.get(1).spec(), to)).isTrue();
  }

  @Test
  void aScaleDownHappensInShrinkOnly() {
    ArchitectureSpec to = base();
    find(to, "app").setCount(1);

    List<StageSpec> stages = TransitionStages.of(base(), to);

    assertThat(names(stages)).containsExactly(Stage.SHRINK);
    assertThat(find(stages.getFirst().spec(), "app").getCount()).isEqualTo(1);
  }

  @Test
  void aScaleUpAndARollSurgeInGrowThenRollInSwitch() {
    ArchitectureSpec to = base();
    find(to, "app").setCount(6);
    find(to, "app").setVersion("v2");

    List<StageSpec> stages = TransitionStages.of(base(), to);

    assertThat(names(stages)).containsExactly(Stage.GROW, Stage.SWITCH);
    assertThat(find(stages.get(0).spec(), "app").getCount()).isEqualTo(6);
    assertThat(find(stages.get(0).spec(), "app").getVersion()).isNull();
    assertThat(find(stages.get(1).spec(), "app").getVersion()).isEqualTo("v2");
  }

  @Test
  void aRegionRemovalKeepsTheRegionUntilShrink() {
    ArchitectureSpec from = base();
    from.setRegionCount(2);
    ArchitectureSpec to = base();

    List<StageSpec> stages = TransitionStages.of(from, to);

    assertThat(names(stages)).containsExactly(Stage.SHRINK);
    assertThat(stages.getFirst().spec().getRegionCount()).isNull();
  }

  @Test
  void aRegionAdditionStartsInGrow() {
    ArchitectureSpec to = base();
    to.setRegionCount(2);
    find(to, "app").getDependencies().add("app");

    List<StageSpec> stages = TransitionStages.of(base(), to);

    assertThat(names(stages)).containsExactly(Stage.GROW, Stage.SWITCH);
    assertThat(stages.get(0).spec().getRegionCount()).isEqualTo(2);
    assertThat(find(stages.get(0).spec(), "app").getDependencies()).containsExactly("db");
  }

  @Test
  void aChangeOfScaleSurgesWithEffectiveCounts() {
    ArchitectureSpec from = base();
    from.setScale(50);
    ArchitectureSpec to = base();
    find(to, "app").setCount(2);

    ArchitectureSpec grow = TransitionStages.of(from, to).getFirst().spec();

    assertThat(grow.getScale()).isEqualTo(100);
    assertThat(find(grow, "app").getCount()).isEqualTo(2); // max(3 x 50%, 2 x 100%)
    assertThat(find(grow, "db").getCount()).isEqualTo(2); // max(2 x 50%, 2 x 100%)
    assertThat(find(grow, "elb").getCount()).isZero();
  }

  @Test
  void aChangeOfSettingsOnlyIsOneStage() {
    ArchitectureSpec to = base();
    TrafficSpec traffic = new TrafficSpec();
    traffic.setRate(200.0);
    to.setTraffic(traffic);

    List<StageSpec> stages = TransitionStages.of(base(), to);

    assertThat(stages).hasSize(1);
    assertThat(TransitionStages.same(stages.getFirst().spec(), to)).isTrue();
  }

  @Test
  void theInputsAreNotChanged() {
    ArchitectureSpec from = base();
    ArchitectureSpec to = base();
    find(to, "app").setCount(9);
    TransitionStages.of(from, to);
    assertThat(TransitionStages.same(from, base())).isTrue();
    assertThat(find(to, "app").getCount()).isEqualTo(9);
    assertThat(TransitionStages.same(copy(to), to)).isTrue();
  }

  @Test
  void stageLabelsReadBack() {
    for (Stage s : Stage.values()) {
      assertThat(Stage.of(s.label())).isEqualTo(s);
    }
    assertThatThrownBy(() -> Stage.of("sideways")).hasMessageContaining("sideways");
  }
}
