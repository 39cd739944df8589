package io.simianviz.service.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopAffinityTest {
  private final Endpoint pod = new Endpoint("db-1", "db", "east", "a", "127.0.0.9", 7000);
  private final Endpoint local =
      new Endpoint("db-1", "db", "east", "a", "127.0.0.9", 7001, List.of(7000, 7001, 7002));

  @Test
  void anUnmarkedThreadCallsTheInstancesPort() throws Exception {
    assertThat(onThread(-1, () -> LoopAffinity.port(local))).isEqualTo(7001);
    assertThat(onThread(-1, () -> LoopAffinity.port(pod))).isEqualTo(7000);
  }

  @Test
  void aLoopCallsThePortOfItsOwnLoop() throws Exception {
    assertThat(onThread(0, () -> LoopAffinity.port(local))).isEqualTo(7000);
    assertThat(onThread(2, () -> LoopAffinity.port(local))).isEqualTo(7002);
    assertThat(onThread(2, () -> LoopAffinity.port(pod))).as("one port").isEqualTo(7000);
    assertThat(onThread(5, () -> LoopAffinity.port(local)))
        .as("more loops than ports")
        .isEqualTo(7001);
  }

  @Test
  void aLaneChoosesTheLoopForTheCallsMadeInItOnly() throws Exception {
    assertThat(
            onThread(
                0,
                () ->
                    List.of(
                        LoopAffinity.onLane(4, () -> LoopAffinity.port(local)),
                        LoopAffinity.onLane(
                            5, () -> LoopAffinity.onLane(7, () -> LoopAffinity.port(local))),
                        LoopAffinity.port(local))))
        .containsExactly(7001, 7001, 7000);
    assertThat(onThread(-1, () -> LoopAffinity.onLane(2, () -> LoopAffinity.port(pod))))
        .isEqualTo(7000);
  }

  /** Runs {@code action} on a fresh thread marked as loop {@code loop} (unmarked when negative). */
  private static <T> T onThread(int loop, java.util.function.Supplier<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              if (loop >= 0) {
                LoopAffinity.markCurrentLoop(loop);
              }
              result.complete(action.get());
            });
    thread.start();
    return result.get(5, TimeUnit.SECONDS);
  }
}
