package io.simianviz.local.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.ArchitectureFiles;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save caught half-written is not taken for a bad save: a change counts once it reads twice. */
class WatchedFileTest {
  private static final String SHOP =
      """
      apiVersion: simianviz.io/v1alpha1
      kind: Architecture
      metadata: {name: shop}
      spec:
        services:
          - {name: db, package: store, count: %d, regions: 1}
          - {name: www, package: denominator, count: 0, regions: 0, dependencies: [db]}
      """;

  private static final VersionLoader LOADER =
      (file, running) -> {
        try {
          return new Version(file, ArchitectureFiles.read(file));
        } catch (Exception e) {
          throw new VersionLoader.Rejected(file + ": " + e.getMessage());
        }
      };

  @TempDir Path dir;
  private final List<String> events = new ArrayList<>();

  /** The run as the watched file sees it: a clock and the console. */
  private final EvolutionHost host =
      (EvolutionHost)
          Proxy.newProxyInstance(
              EvolutionHost.class.getClassLoader(),
              new Class<?>[] {EvolutionHost.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "elapsedMillis" -> 0L;
                    case "event" -> events.add((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                  });

  @Test
  void aTruncatedFileThenTheWholeSaveIsOneChangeAndNoComplaint() throws Exception {
    Path file = Files.writeString(dir.resolve("shop.yaml"), SHOP.formatted(2));
    Version running = LOADER.load(file, null);
    WatchedFile watched = new WatchedFile(host, file, LOADER);

    Files.writeString(file, ""); // the editor truncated it, and has not written yet
    assertThat(watched.savedChange(running)).isNull();
    Files.writeString(file, SHOP.formatted(3));
    assertThat(watched.savedChange(running)).as("seen once: maybe still being written").isNull();
    Version saved = watched.savedChange(running);

    assertThat(saved).isNotNull();
    assertThat(saved.spec().getServices().getFirst().getCount()).isEqualTo(3);
    assertThat(events).isEmpty();
    assertThat(watched.savedChange(running)).as("taken once").isNull();
  }

  @Test
  void aBadSaveThatStaysIsSaidOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("shop.yaml"), SHOP.formatted(2));
    Version running = LOADER.load(file, null);
    WatchedFile watched = new WatchedFile(host, file, LOADER);

    Files.writeString(file, SHOP.formatted(2).replace("count: 2", "count: lots"));
    for (int i = 0; i < 4; i++) {
      assertThat(watched.savedChange(running)).isNull();
    }
    assertThat(events).singleElement().asString().contains("shop.yaml", "ignored");
  }
}
