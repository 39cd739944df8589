package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simianviz plan FROM TO}: the plan as printed, and bad input as one line per problem. */
class PlanCommandTest {
  private static final String STEPS = "../examples/migration/";

  @TempDir Path dir;

  private static CliRun plan(int from, int to, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "plan";
    args[1] = STEPS + "step" + from + ".yaml";
    args[2] = STEPS + "step" + to + ".yaml";
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.of(args);
  }

  @Test
  void step0ToStep1StartsMemcacheBeforePhpCallsIt() {
    CliRun run = plan(0, 1);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            Plan for migration, step-0 -> step-1: 13 -> 14 instances in 3 actions
             1. start memcache (new tier): 1 instance: us-east-1 memcache00
             2. wait until ready: memcache (1)
             3. re-point php: [rds-mysql] -> [memcache, rds-mysql]
            """);
  }

  @Test
  void step2ToStep3ReplacesTheMonolithOnceTheDataAccessLayerIsReady() {
    CliRun run = plan(2, 3);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            Plan for migration, step-2 -> step-3: 17 -> 23 instances in 6 actions
             1. start datastore (new tier): 6 instances: us-east-1 datastore00..datastore05
             2. wait until ready: datastore (6)
             3. start php (package karyon replaces monolith): 9 instances: us-east-1 php00..php08
             4. wait until ready: php (9)
             5. drain php (replaced by package karyon): 9 instances: us-east-1 php00..php08
             6. stop php: 9 instances
            """);
  }

  @Test
  void step5ToStep6DrainsMysqlOnlyAfterTheDatastoreStopsCallingIt() {
    CliRun run = plan(5, 6);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            Plan for migration, step-5 -> step-6: 35 -> 33 instances in 3 actions
             1. re-point datastore: [memcache, rds-mysql, cassandra] -> [memcache, cassandra]
             2. drain rds-mysql (tier removed): 2 instances: us-east-1 rds-mysql00..rds-mysql01
             3. stop rds-mysql: 2 instances
            """);
  }

  @Test
  void step6ToStep7StartsTheNewRegionLayerByLayerAtTheCommandLinesScale() {
    CliRun run = plan(6, 7, "--scale", "50");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            Plan for migration, step-6 -> step-7: 17 -> 33 instances in 12 actions
              1. start cassandra (region us-west-2 added): 3 instances: us-west-2 cassandra00..cassandra02
              2. start memcache (region us-west-2 added): 1 instance: us-west-2 memcache00
              3. wait until ready: cassandra (3), memcache (1)
              4. start datastore (region us-west-2 added): 3 instances: us-west-2 datastore00..datastore02
              5. wait until ready: datastore (3)
              6. start php (region us-west-2 added): 4 instances: us-west-2 php00..php03
              7. start node (region us-west-2 added): 3 instances: us-west-2 node00..node02
              8. wait until ready: php (4), node (3)
              9. start wwwproxy (region us-west-2 added): 1 instance: us-west-2 wwwproxy00
             10. wait until ready: wwwproxy (1)
             11. start www-elb (region us-west-2 added): 1 instance: us-west-2 www-elb00
             12. wait until ready: www-elb (1)
            """);
  }

  @Test
  void step9ToStep8DrainsTheRegionCallersFirst() {
    CliRun run = plan(9, 8);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().filter(l -> l.contains("drain")).map(l -> l.trim().split(" ")[2]))
        .containsExactly(
            "www-elb", "wwwproxy", "php", "node", "datastore", "cassandra", "memcache");
  }

  @Test
  void theSameFileTwiceNeedsNothing() {
    CliRun run = plan(8, 8);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo("Plan for migration, step-8 -> step-8: 65 instances, nothing to change\n");
  }

  @Test
  void removingATierThatIsStillCalledIsRefusedNamingTheFileAndTheCaller() throws IOException {
    Path to = dir.resolve("step6.yaml");
    Files.writeString(
        to,
        Files.readString(Path.of(STEPS + "step6.yaml"))
            .replace("dependencies: [memcache, cassandra]", "dependencies: [memcache, rds-mysql]"));
    CliRun run = CliRun.of("plan", STEPS + "step5.yaml", to.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            to
                + ": services[2].dependencies[1]: tier \"rds-mysql\" is removed in this version but"
                + " datastore still calls it; drop the dependency in the same version, or keep the"
                + " tier\n");
  }

  @Test
  void twoDifferentArchitecturesAreRefused() {
    CliRun run = CliRun.of("plan", STEPS + "step0.yaml", "../examples/lamp.yaml");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "../examples/lamp.yaml: metadata.name: \"lamp\" is not \"migration\" of "
                + STEPS
                + "step0.yaml; a plan moves one architecture from one version to the next\n");
  }

  @Test
  void anInvalidFileIsNamed() {
    CliRun run =
        CliRun.of("plan", "../examples/invalid/unknown-dependency.yaml", STEPS + "step0.yaml");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "../examples/invalid/unknown-dependency.yaml: services[2].dependencies[1]: unknown"
                + " tier \"memcached\"\n");
    CliRun missing = CliRun.of("plan", STEPS + "step0.yaml", STEPS + "step10.yaml");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("simianviz: no such file: " + STEPS + "step10.yaml\n");
  }
}
