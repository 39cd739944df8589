package io.simianviz.service.call;

import io.vertx.core.http.ConnectionPoolTooBusyException;

/**
 * Whether a call failed because this process's connections to the instance were all busy and enough
 * calls were already waiting for one. That is the caller's own limit, not a fault of the instance
 * called, so the instance is not ejected.
 */
final class PoolFull {
  private PoolFull() {}

  static boolean hit(Throwable err) {
    return err instanceof ConnectionPoolTooBusyException;
  }
}
