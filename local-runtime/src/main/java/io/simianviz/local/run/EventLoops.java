package io.simianviz.local.run;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/**
 * The run's event loops, one per core: each instance, with its server, its calls and its traffic
 * source's timer, lives on the loop of its ordinal.
 */
public interface EventLoops {
  /** Runs {@code action} on the event loop of {@code ordinal}; completes as its result does. */
  <T> Future<T> on(int ordinal, Supplier<Future<T>> action);

  /**
   * The loops every instance listens on, in order: all of them, so that a hop stays on its caller's
   * loop ({@link io.simianviz.service.discovery.LoopAffinity}), or none (one socket per instance)
   * where the open-file limit cannot afford a socket per loop.
   */
  List<Context> listenOn();
}
