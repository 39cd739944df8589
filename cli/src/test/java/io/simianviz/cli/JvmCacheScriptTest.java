package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/jvm-cache.sh}, which {@code ./simianviz} sources: when it trains the command line's
 * AOT cache and which flags it gives the JVM. A stand-in {@code java} records its calls and writes
 * the cache file the way the JDK would, so the rules are checked without a 15 s training run.
 */
class JvmCacheScriptTest {
  private static final Path SCRIPT = Path.of("..", "bin", "jvm-cache.sh").toAbsolutePath();

  @TempDir Path dir;
  private Path jdk;
  private Path jar;
  private Path lib;
  private Path calls;

  private record Outcome(List<String> flags, String messages) {}

  @BeforeEach
  void fakeJdkAndJar() throws IOException {
    jdk = Files.createDirectories(dir.resolve("jdk"));
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
    calls = dir.resolve("calls");
    // Writes the file named by -XX:AOTCacheOutput, as the JDK does when the training run exits.
    Path java = jdk.resolve("bin/java");
    Files.writeString(
        java,
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >>'"
            + calls
            + "'\n"
            + "[ -z \"${FAIL_TRAINING:-}\" ] || exit 1\n"
            + "for a in \"$@\"; do case $a in -XX:AOTCacheOutput=*) echo aot >\"${a#*=}\";; esac;"
            + " done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    jar = Files.writeString(dir.resolve("simianviz.jar"), "jar");
    lib = Files.createDirectories(dir.resolve("lib"));
    Files.writeString(lib.resolve("dep.jar"), "dep");
    age(jar, 3600);
    age(lib.resolve("dep.jar"), 3600);
    age(lib, 3600);
  }

  private static void age(Path file, long secondsAgo) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
  }

  private Outcome cache(int major, String... env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            "bash",
            "-c",
            "set -euo pipefail; java_opts=(${TEST_JAVA_OPTS:-}); . \"$1\"; simianviz_jvm_cache \"$2\" \"$3\" \"$4\" \"$5\";"
                + " printf '%s\\n' \"${jvm_cache_flags[@]}\"",
            "test",
            SCRIPT.toString(),
            jar.toString(),
            lib.toString(),
            "example.yaml",
            Integer.toString(major));
    pb.environment().put("JAVA_HOME", jdk.toString());
    for (int i = 0; i < env.length; i += 2) {
      pb.environment().put(env[i], env[i + 1]);
    }
    Path err = dir.resolve("stderr");
    Process p = pb.redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String messages = Files.readString(err);
    assertThat(p.exitValue()).as(messages).isZero();
    return new Outcome(out.lines().filter(l -> !l.isEmpty()).toList(), messages);
  }

  private List<String> trainingRuns() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  @Test
  void theFirstRunTrainsTheCacheOnTheEmbeddedDefaultAndUsesIt() throws Exception {
    Outcome first = cache(25);
    Path aot = dir.resolve("simianviz.aot");
    assertThat(first.flags()).contains("-XX:AOTCache=" + aot, "-Xlog:aot*=off");
    assertThat(first.messages()).contains("training the JVM's AOT cache");
    assertThat(trainingRuns())
        .singleElement()
        .asString()
        .contains("-XX:AOTCacheOutput=")
        .contains("-jar " + jar + " run example.yaml --rate 300 --warmup 0 --duration 5s");
    assertThat(Files.readString(aot)).isEqualTo("aot\n");

    Outcome second = cache(25);
    assertThat(second.flags()).contains("-XX:AOTCache=" + aot);
    assertThat(second.messages()).isEmpty();
    assertThat(trainingRuns()).hasSize(1);
  }

  @Test
  void aRebuiltJarOrDependencyOrAnotherJdkTrainsAgain() throws Exception {
    cache(25);
    Path aot = dir.resolve("simianviz.aot");
    age(aot, 60);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
    cache(25);
    assertThat(trainingRuns()).hasSize(2);

    age(aot, 60);
    Files.setLastModifiedTime(lib.resolve("dep.jar"), FileTime.from(Instant.now()));
    cache(25);
    assertThat(trainingRuns()).hasSize(3);

    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.4\"\n");
    cache(25);
    assertThat(trainingRuns()).hasSize(4);

    // The command's JVM flags (its collector) are the training run's, and other flags train again.
    cache(25, "TEST_JAVA_OPTS", "-XX:+UseParallelGC");
    assertThat(trainingRuns()).hasSize(5).last().asString().contains("-XX:+UseParallelGC");
    cache(25, "TEST_JAVA_OPTS", "-XX:+UseParallelGC");
    assertThat(trainingRuns()).hasSize(5);
  }

  @Test
  void aFailedTrainingRunLeavesTheCommandWorkingWithoutACache() throws Exception {
    Outcome outcome = cache(25, "FAIL_TRAINING", "1");
    assertThat(outcome.flags()).isEmpty();
    assertThat(outcome.messages()).contains("the training run failed (log: ");
    assertThat(dir.resolve("simianviz.aot")).doesNotExist();
  }

  @Test
  void offRunsWithoutAnyCache() throws Exception {
    assertThat(cache(25, "SIMIANVIZ_JVM_CACHE", "off").flags()).isEmpty();
    assertThat(trainingRuns()).isEmpty();
  }

  @Test
  void jdksBefore25LetTheJvmWriteAnAppCdsArchiveItself() throws Exception {
    assertThat(cache(21).flags())
        .containsExactly(
            "-XX:+AutoCreateSharedArchive",
            "-XX:SharedArchiveFile=" + dir.resolve("simianviz-jdk21.jsa"),
            "-Xlog:cds*=off");
    assertThat(trainingRuns()).isEmpty();
  }
}
