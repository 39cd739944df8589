package io.simianviz.model.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.TierPackage;
import io.simianviz.model.evolution.Action.AwaitReady;
import io.simianviz.model.evolution.Action.Drain;
import io.simianviz.model.evolution.Action.Repoint;
import io.simianviz.model.evolution.Action.StartInstances;
import io.simianviz.model.evolution.Action.Stop;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan between every two consecutive steps of examples/migration, forwards and backwards: it
 * loses no call, as the simulator applies it, and it ends at exactly the next step's instances.
 */
class MigrationPlansTest {
  private static final Path MIGRATION = findMigration();

  private static Path findMigration() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples/migration"))) {
        return d.resolve("examples/migration");
      }
    }
    throw new IllegalStateException("no examples/migration above " + Path.of("").toAbsolutePath());
  }

  static LoadedArchitecture step(int i) {
    try {
      return ArchitectureFiles.read(MIGRATION.resolve("step" + i + ".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> pairs() {
    return IntStream.range(0, 9)
        .boxed()
        .flatMap(i -> Stream.of(Arguments.of(i, i + 1), Arguments.of(i + 1, i)));
  }

  @ParameterizedTest(name = "step{0} -> step{1}")
  @MethodSource("pairs")
  void thePlanLosesNoCallAndEndsAtTheNextStep(int fromStep, int toStep) {
    LoadedArchitecture from = step(fromStep);
    LoadedArchitecture to = step(toStep);
    assertThat(from.name()).isEqualTo(to.name());
    ArchitectureSpec fromSpec = from.architecture().getSpec();
    ArchitectureSpec toSpec = to.architecture().getSpec();
    TransitionPlan plan =
        TransitionPlanner.plan(from.name(), fromSpec, toSpec, ExpansionOptions.NONE);
    String review = plan.render();
    List<InstanceRef> running = InstanceRef.expand(from.name(), fromSpec, ExpansionOptions.NONE);
    List<InstanceRef> target = InstanceRef.expand(to.name(), toSpec, ExpansionOptions.NONE);

    assertThat(plan.isEmpty()).as(review).isFalse();
    newTiersAreReadyBeforeAnyCallerIsRepointedToThem(plan, fromSpec, review);
    nothingIsDrainedWhileATargetCallerStillDependsOnIt(plan, toSpec, review);
    nothingIsStoppedWithoutADrain(plan, review);

    PlanSimulator.Outcome out = PlanSimulator.run(running, fromSpec, plan);
    assertThat(out.violations()).as(review).isEmpty();
    assertThat(out.instances()).as(review).isEqualTo(new HashSet<>(target));
    assertThat(out.dependencies()).as(review).isEqualTo(dependencies(toSpec, target));
  }

  /** A Repoint's added dependency that is a new tier was started and awaited before it. */
  private static void newTiersAreReadyBeforeAnyCallerIsRepointedToThem(
      TransitionPlan plan, ArchitectureSpec from, String review) {
    Set<String> existing =
        from.getServices().stream().map(TierSpec::getName).collect(Collectors.toSet());
    Set<String> started = new HashSet<>();
    Set<String> ready = new HashSet<>();
    for (Action a : plan.actions()) {
      switch (a) {
        case StartInstances s -> started.add(s.tier());
        case AwaitReady r ->
            r.instances().stream()
                .map(InstanceRef::tier)
                .filter(started::contains)
                .forEach(ready::add);
        case Repoint r -> {
          for (String dep : r.newDependencies()) {
            if (!existing.contains(dep) && !TierPackage.EUREKA_DEPENDENCY.equals(dep)) {
              assertThat(ready).as(review).contains(dep);
            }
          }
        }
        default -> {}
      }
    }
  }

  /** A tier is drained whole only when no tier of the target still calls it. */
  private static void nothingIsDrainedWhileATargetCallerStillDependsOnIt(
      TransitionPlan plan, ArchitectureSpec to, String review) {
    Set<String> targetTiers =
        to.getServices().stream().map(TierSpec::getName).collect(Collectors.toSet());
    for (Action a : plan.actions()) {
      if (a instanceof Drain d && !targetTiers.contains(d.tier())) {
        assertThat(to.getServices())
            .as(review)
            .noneMatch(t -> t.getDependencies().contains(d.tier()));
      }
    }
  }

  private static void nothingIsStoppedWithoutADrain(TransitionPlan plan, String review) {
    Set<InstanceRef> drained = new HashSet<>();
    for (Action a : plan.actions()) {
      if (a instanceof Drain d) {
        drained.addAll(d.instances());
      } else if (a instanceof Stop s) {
        assertThat(drained).as(review).containsAll(s.instances());
      }
    }
  }

  private static Map<String, Set<String>> dependencies(
      ArchitectureSpec spec, List<InstanceRef> target) {
    Set<String> running = target.stream().map(InstanceRef::tier).collect(Collectors.toSet());
    Map<String, Set<String>> deps = new TreeMap<>();
    for (TierSpec t : spec.getServices()) {
      if (running.contains(t.getName())) {
        deps.put(t.getName(), new LinkedHashSet<>(t.getDependencies()));
      }
    }
    return deps;
  }

  @Test
  void eachStepDoesWhatItsCommentSays() {
    List<List<String>> kinds =
        IntStream.range(0, 9)
            .mapToObj(
                i ->
                    TransitionPlanner.plan(
                            "migration",
                            step(i).architecture().getSpec(),
                            step(i + 1).architecture().getSpec(),
                            ExpansionOptions.NONE)
                        .actions()
                        .stream()
                        .map(a -> a.getClass().getSimpleName())
                        .distinct()
                        .sorted()
                        .toList())
            .toList();
    assertThat(kinds)
        .containsExactly(
            List.of("AwaitReady", "Repoint", "StartInstances"), // memcache
            List.of("AwaitReady", "Repoint", "StartInstances"), // wwwproxy
            List.of("AwaitReady", "Drain", "StartInstances", "Stop"), // datastore, php replaced
            List.of("AwaitReady", "Repoint", "StartInstances"), // node
            List.of("AwaitReady", "Repoint", "StartInstances"), // cassandra
            List.of("Drain", "Repoint", "Stop"), // MySQL removed
            List.of("AwaitReady", "StartInstances"), // us-west-2
            List.of("Repoint"), // rings connected
            List.of("AwaitReady", "StartInstances")); // eu-west-1
  }
}
