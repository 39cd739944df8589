package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of the examples (seeded, so a failure repeats): validate answers each with exit
 * 0 or 1 and plain lines naming the file; whatever it accepts, run runs for a second without a
 * stack trace. docs/reliability.md reports the counts.
 */
class FuzzedExamplesTest {
  static final int VALIDATE_CASES = 400;
  static final int RUN_CASES = 6;
  private static final Pattern NUMBER = Pattern.compile("(?<=: )-?\\d+(\\.\\d+)?");
  private static final String[] NUMBERS = {"0", "1", "2", "-1", "3", "0.5", "1.5", "40", "x"};
  private static final String[] WORDS = {"", "~", "[]", "{}", "store", "grpc", "'*'", "eureka"};

  @TempDir Path dir;

  @Test
  void everyMutationGetsAPlainAnswerAndWhatValidatesRuns() throws Exception {
    List<Path> examples = examples();
    Random random = new Random(20261203L);
    List<Path> accepted = new ArrayList<>();
    for (int i = 0; i < VALIDATE_CASES; i++) {
      Path source = examples.get(random.nextInt(examples.size()));
      String text = Files.readString(source);
      for (int m = 1 + random.nextInt(3); m > 0; m--) {
        text = mutate(text, random);
      }
      Path file = dir.resolve("case" + i + "-" + source.getFileName());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      CliRun run = CliRun.of("validate", file.toString());
      String what = file + ":\n" + text + "\n---\n" + run.err();
      assertThat(run.exitCode()).as(what).isIn(0, 1);
      BadInputCatalogueTest.assertNoStackTrace(run.err());
      assertThat(run.err().lines()).as(what).allMatch(l -> l.startsWith(file + ": "));
      if (run.exitCode() == 0 && !text.equals(Files.readString(source))) {
        accepted.add(file);
      }
    }
    assertThat(accepted).as("mutations that validate").hasSizeGreaterThan(RUN_CASES);
    for (Path file : accepted.subList(0, RUN_CASES)) {
      runForASecond(file);
    }
  }

  /** One change: a number, a word, a line dropped, doubled or swapped with the next. */
  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    switch (random.nextInt(5)) {
      case 0 -> {
        Matcher n = NUMBER.matcher(line);
        lines.set(at, n.find() ? n.replaceFirst(NUMBERS[random.nextInt(NUMBERS.length)]) : line);
      }
      case 1 -> {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          lines.set(at, line.substring(0, colon + 2) + WORDS[random.nextInt(WORDS.length)]);
        }
      }
      case 2 -> lines.remove(at);
      case 3 -> lines.add(at, line);
      default -> {
        if (at + 1 < lines.size()) {
          lines.set(at, lines.get(at + 1));
          lines.set(at + 1, line);
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** In its own JVM, so that everything it prints, logging included, is seen. */
  private void runForASecond(Path file) throws IOException, InterruptedException {
    Path out = dir.resolve(file.getFileName() + "-out");
    Path log = dir.resolve(file.getFileName() + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 24) {
      // what the ./simianviz launcher and the jar's manifest allow
      command.add("--sun-misc-unsafe-memory-access=allow");
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Simianviz.class.getName(),
            "run",
            file.toString(),
            "--duration=1s",
            "--port=0",
            "--out=" + out));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String printed = Files.readString(log);
    String what = file + ":\n" + Files.readString(file) + "\n---\n" + printed;
    assertThat(ended).as(what).isTrue();
    assertThat(p.exitValue()).as(what).isZero();
    BadInputCatalogueTest.assertNoStackTrace(printed);
  }

  private static List<Path> examples() throws IOException {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path examples = d.resolve("examples");
      if (Files.isDirectory(examples) && Files.isRegularFile(d.resolve("pom.xml"))) {
        try (Stream<Path> files = Files.list(examples)) {
          return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
      }
    }
    throw new IllegalStateException("no examples above " + Path.of("").toAbsolutePath());
  }
}
