package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.service.discovery.LoopAffinity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLoopSlotsTest {
  @Test
  void consecutiveSlotsRunOnDifferentEventLoops() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(3));
    try {
      EventLoopSlots slots = EventLoopSlots.deploy(vertx, 3, false);
      assertThat(slots.size()).isEqualTo(3);
      List<Future<String>> threads = new ArrayList<>();
      for (int i = 0; i < slots.size() * 2; i++) {
        threads.add(slots.on(i, () -> Future.succeededFuture(Thread.currentThread().getName())));
      }
      List<String> names = new ArrayList<>();
      for (Future<String> f : threads) {
        names.add(f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
      }
      assertThat(names).allMatch(n -> n.startsWith("vert.x-eventloop-thread-"));
      assertThat(names.subList(0, slots.size())).doesNotHaveDuplicates();
      assertThat(names.subList(slots.size(), names.size()))
          .containsExactlyElementsOf(names.subList(0, slots.size()));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anActionThatThrowsFailsItsFutureInsteadOfLeavingItPending() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      EventLoopSlots slots = EventLoopSlots.deploy(vertx, 1, false);
      Future<String> f =
          slots.on(
              0,
              () -> {
                throw new IllegalArgumentException("no");
              });
      assertThatThrownBy(() -> f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IllegalArgumentException.class);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void eachLoopIsMarkedWithItsSlotAndInstancesListenOnAllOrNone() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    try {
      EventLoopSlots slots = EventLoopSlots.deploy(vertx, 2, true);
      for (int i = 0; i < 2; i++) {
        assertThat(
                slots
                    .on(i, () -> Future.succeededFuture(LoopAffinity.currentLoop()))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS))
            .isEqualTo(i);
      }
      assertThat(slots.listenOn()).hasSize(2);
      assertThat(EventLoopSlots.deploy(vertx, 2, false).listenOn()).isEmpty();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
