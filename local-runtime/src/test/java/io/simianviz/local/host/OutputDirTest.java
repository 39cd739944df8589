package io.simianviz.local.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirTest {
  private static final LocalDateTime AT = LocalDateTime.of(2025, 1, 2, 15, 4, 5);

  @TempDir Path dir;

  @Test
  void outputsAppearOnlyWhenCommittedAndADiscardedRunLeavesNothing() throws Exception {
    Path target = dir.resolve("a").resolve("out");
    OutputDir outputs = OutputDir.into(target, false);
    Files.writeString(outputs.staging().resolve("summary.json"), "new");
    assertThat(target).doesNotExist();
    assertThat(outputs.staging().getParent()).isEqualTo(target.getParent());

    assertThat(outputs.commit()).isNull();
    assertThat(target.resolve("summary.json")).hasContent("new");
    assertThat(listing(target.getParent())).containsExactly("out");
    // The staging directory became the outputs: it has a new directory's permissions, not 0700.
    Path plain = Files.createDirectory(dir.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(target))
        .isEqualTo(Files.getPosixFilePermissions(plain));
    Files.delete(plain);

    OutputDir failed = OutputDir.into(dir.resolve("b"), false);
    Files.writeString(failed.staging().resolve("graph.json"), "half");
    failed.discard();
    assertThat(listing(dir)).containsExactly("a");
  }

  @Test
  void aDirectoryThatHoldsFilesIsRefusedUnlessReplacing() throws Exception {
    Path target = dir.resolve("out");
    Files.createDirectories(target);
    Files.writeString(target.resolve("summary.json"), "old");
    Files.writeString(target.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> OutputDir.into(target, false))
        .isInstanceOf(OutputDir.Refused.class)
        .hasMessageContaining("already holds files")
        .hasMessageContaining("--force");
    assertThat(listing(dir)).containsExactly("out");

    OutputDir outputs = OutputDir.into(target, true);
    Files.writeString(outputs.staging().resolve("summary.json"), "new");
    outputs.commit();
    assertThat(target.resolve("summary.json")).hasContent("new");
    assertThat(target.resolve("notes.txt")).hasContent("mine");
    assertThat(listing(dir)).containsExactly("out");
  }

  @Test
  void anEmptyDirectoryIsFineAndAFileIsRefused() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    OutputDir outputs = OutputDir.into(empty, false);
    Files.writeString(outputs.staging().resolve("summary.json"), "new");
    outputs.commit();
    assertThat(empty.resolve("summary.json")).hasContent("new");

    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> OutputDir.into(file, true))
        .isInstanceOf(OutputDir.Refused.class)
        .hasMessage(file + " is a file, not a directory; choose another --out");
  }

  @Test
  void runDirectoriesAreNamedByStartTimeAndLatestFollowsTheNewest() throws Exception {
    Path runs = dir.resolve("lamp");
    OutputDir first = OutputDir.newRunIn(runs, AT);
    OutputDir second = OutputDir.newRunIn(runs, AT);
    assertThat(first.target().getFileName()).hasToString("20250102-150405");
    assertThat(second.target().getFileName()).hasToString("20250102-150405-2");

    Files.writeString(first.staging().resolve("summary.json"), "1");
    assertThat(first.commit()).isNull();
    Path latest = runs.resolve(OutputDir.LATEST);
    assertThat(latest.resolve("summary.json")).hasContent("1");
    Files.writeString(second.staging().resolve("summary.json"), "2");
    assertThat(second.commit()).isNull();
    assertThat(latest.resolve("summary.json")).hasContent("2");
    assertThat(Files.readSymbolicLink(latest)).hasToString("20250102-150405-2");

    OutputDir failed = OutputDir.newRunIn(runs, AT);
    failed.discard();
    assertThat(listing(runs))
        .containsExactly("20250102-150405", "20250102-150405-2", OutputDir.LATEST);
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
