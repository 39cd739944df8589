package io.simianviz.local;

import io.simianviz.local.run.EventLoops;
import io.simianviz.service.discovery.LoopAffinity;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One context on each event loop, so instances can be spread over all of them. Without this every
 * server started from the main thread lands on Vert.x's single "sticky" context for that thread,
 * and a whole architecture runs on one core (measured: 90% of samples on one event loop thread).
 * Each loop's thread is marked with its index, which callers use to stay on it ({@link
 * LoopAffinity}).
 */
final class EventLoopSlots implements EventLoops {
  private final List<Context> contexts = new CopyOnWriteArrayList<>();
  private final boolean listenPerLoop;

  private EventLoopSlots(boolean listenPerLoop) {
    this.listenPerLoop = listenPerLoop;
  }

  /**
   * Deploys one empty verticle per event loop (there are {@code loops}) and keeps their contexts.
   *
   * @param listenPerLoop whether instances listen once per loop ({@link #listenOn})
   */
  static EventLoopSlots deploy(Vertx vertx, int loops, boolean listenPerLoop) throws Exception {
    EventLoopSlots slots = new EventLoopSlots(listenPerLoop);
    vertx
        .deployVerticle(
            () ->
                new AbstractVerticle() {
                  @Override
                  public void start() {
                    synchronized (slots.contexts) {
                      LoopAffinity.markCurrentLoop(slots.contexts.size());
                      slots.contexts.add(context);
                    }
                  }
                },
            new DeploymentOptions().setInstances(loops))
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    return slots;
  }

  int size() {
    return contexts.size();
  }

  /**
   * Runs an asynchronous action on the context of slot {@code i % size()}. An action that throws
   * fails the future (instead of leaving it to wait forever).
   */
  @Override
  public <T> Future<T> on(int i, Supplier<Future<T>> action) {
    Context context = contexts.get(Math.floorMod(i, contexts.size()));
    Promise<T> promise = Promise.promise();
    context.runOnContext(
        v -> {
          Future<T> result;
          try {
            result = action.get();
          } catch (RuntimeException e) {
            promise.fail(e);
            return;
          }
          result.onComplete(promise);
        });
    return promise.future();
  }

  @Override
  public List<Context> listenOn() {
    return listenPerLoop ? List.copyOf(contexts) : List.of();
  }
}
