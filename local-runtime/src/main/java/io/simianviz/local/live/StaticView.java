package io.simianviz.local.live;

import io.simianviz.model.graph.VizceralJson;
import io.simianviz.model.live.LiveSnapshot;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The view of a finished run: the page served with the one snapshot its vizceral.json carries
 * (`simianviz view OUTDIR`).
 */
public final class StaticView implements AutoCloseable {
  /** The file is not a vizceral.json a run wrote; the message is for the user. */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  private final Vertx vertx;
  private final LiveServer server;
  private final CountDownLatch closed = new CountDownLatch(1);

  private StaticView(Vertx vertx, LiveServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  /** Serves {@code vizceralJson}'s snapshot on 127.0.0.1:{@code port} (0: a free port). */
  public static StaticView start(Path vizceralJson, int port) throws Exception {
    LiveSnapshot snapshot;
    try {
      snapshot = VizceralJson.snapshotOf(Files.readString(vizceralJson));
    } catch (IOException | IllegalArgumentException e) {
      throw new Unreadable(vizceralJson + ": cannot read the run's final state: " + e.getMessage());
    }
    Vertx vertx = Vertx.vertx();
    try {
      LiveServer server =
          LiveServer.start(vertx, port, () -> snapshot)
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      return new StaticView(vertx, server);
    } catch (Exception e) {
      vertx.close();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new Unreadable("cannot listen on 127.0.0.1:" + port + ": " + cause.getMessage());
    }
  }

  public String url() {
    return server.url();
  }

  /** Blocks until the process is asked to end (Ctrl-C). */
  public void awaitShutdown() throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(closed::countDown, "simianviz-view-stop"));
    closed.await();
  }

  @Override
  public void close() throws Exception {
    closed.countDown();
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
