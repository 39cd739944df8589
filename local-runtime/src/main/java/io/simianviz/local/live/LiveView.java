package io.simianviz.local.live;

import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.service.stats.StatsRegistry;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A run's live view: its statistics read into the live model twice a second and, unless turned off,
 * the model pushed to the page's server at the same pace.
 */
public final class LiveView implements AutoCloseable {
  /** How often the model is read and pushed. */
  public static final long PERIOD_MS = 500;

  private final Vertx vertx;
  private final LiveFeed feed;
  private final LiveServer server;
  private final long timer;

  private LiveView(Vertx vertx, LiveFeed feed, LiveServer server) {
    this.vertx = vertx;
    this.feed = feed;
    this.server = server;
    this.timer =
        vertx.setPeriodic(
            PERIOD_MS,
            id ->
                vertx.executeBlocking(
                    () -> {
                      tick();
                      return null;
                    },
                    false));
  }

  /**
   * Starts reading (and serving, when {@code options.enabled()}).
   *
   * @throws Exception when the server cannot listen (the port is taken)
   */
  public static LiveView start(
      Vertx vertx,
      StatsRegistry stats,
      LiveArchitecture live,
      LongSupplier clock,
      ViewOptions options)
      throws Exception {
    LiveFeed feed = new LiveFeed(stats, live, clock);
    feed.read();
    LiveServer server =
        options.enabled()
            ? LiveServer.start(vertx, options.port(), live::snapshot)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
            : null;
    return new LiveView(vertx, feed, server);
  }

  private void tick() {
    feed.read();
    if (server != null) {
      server.push();
    }
  }

  /** Reads the statistics now (the last reading, when the traffic has stopped). */
  public void readNow() {
    feed.read();
  }

  /** The page's address, or null when it is not served. */
  public String url() {
    return server == null ? null : server.url();
  }

  @Override
  public void close() throws Exception {
    vertx.cancelTimer(timer);
    if (server != null) {
      server.close();
    }
  }
}
