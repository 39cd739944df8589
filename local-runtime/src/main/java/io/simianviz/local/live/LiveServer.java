package io.simianviz.local.live;

import io.simianviz.model.graph.VizceralJson;
import io.simianviz.model.live.LiveSnapshot;
import io.simianviz.ui.UiResources;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The live view's HTTP server, on 127.0.0.1 only: the page ({@code /}, its modules and styles under
 * {@code /ui/}, Cytoscape.js from its WebJar as {@code /lib/cytoscape.mjs}), the model as one JSON
 * document ({@code /live/snapshot}), as server-sent events ({@code /live/events}, one {@code
 * snapshot} event per {@link #push}), and in Vizceral's format ({@code /vizceral.json}).
 */
public final class LiveServer implements AutoCloseable {
  /** Loopback only: the view shows a run on this machine to its user. */
  public static final String HOST = "127.0.0.1";

  private static final String UI = UiResources.UI;
  private static final Pattern UI_FILE = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|html|svg)");
  private final Vertx vertx;
  private final HttpServer server;
  private final Supplier<LiveSnapshot> snapshots;
  private final Set<HttpServerResponse> streams = ConcurrentHashMap.newKeySet();
  private final Map<String, Buffer> files = new ConcurrentHashMap<>();
  private volatile String lastJson;

  private LiveServer(Vertx vertx, Supplier<LiveSnapshot> snapshots) {
    this.vertx = vertx;
    this.snapshots = snapshots;
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost(HOST));
  }

  /**
   * Listens on {@code 127.0.0.1:port} (0: a free port).
   *
   * @param snapshots the model now; called on each push and for each {@code /live/snapshot}
   */
  public static Future<LiveServer> start(Vertx vertx, int port, Supplier<LiveSnapshot> snapshots) {
    LiveServer s = new LiveServer(vertx, snapshots);
    s.server.requestHandler(s::handle);
    return s.server.listen(port, HOST).map(x -> s);
  }

  /** The page's address. */
  public String url() {
    return "http://" + HOST + ":" + server.actualPort() + "/";
  }

  public int port() {
    return server.actualPort();
  }

  /** Sends the model now to every open event stream. */
  public void push() {
    String json = snapshots.get().toJson();
    lastJson = json;
    if (streams.isEmpty()) {
      return;
    }
    Buffer event = Buffer.buffer("event: snapshot\ndata: " + json + "\n\n");
    for (HttpServerResponse r : streams) {
      if (!r.writeQueueFull()) { // a reader that does not keep up skips updates
        r.write(event);
      }
    }
  }

  private void handle(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
      response.setStatusCode(405).end();
      return;
    }
    String path = request.path();
    switch (path) {
      case "/", "/index.html" -> file(response, UI + "index.html", "html");
      case "/lib/cytoscape.mjs" -> cytoscape(response);
      case "/live/snapshot" ->
          response
              .putHeader("content-type", "application/json")
              .putHeader("cache-control", "no-store")
              .end(snapshots.get().toJson());
      case "/vizceral.json" ->
          response
              .putHeader("content-type", "application/json")
              .putHeader("cache-control", "no-store")
              .end(VizceralJson.of(snapshots.get(), System.currentTimeMillis()));
      case "/live/events" -> stream(response);
      default -> {
        String name = path.startsWith("/ui/") ? path.substring(4) : "";
        if (UI_FILE.matcher(name).matches()) {
          file(response, UI + name, name.substring(name.lastIndexOf('.') + 1));
        } else {
          response.setStatusCode(404).end("not found\n");
        }
      }
    }
  }

  private void stream(HttpServerResponse response) {
    response
        .setChunked(true)
        .putHeader("content-type", "text/event-stream")
        .putHeader("cache-control", "no-store")
        .putHeader("x-accel-buffering", "no");
    String json = lastJson != null ? lastJson : snapshots.get().toJson();
    response.write("retry: 1000\n\nevent: snapshot\ndata: " + json + "\n\n");
    streams.add(response);
    response.closeHandler(v -> streams.remove(response));
    response.exceptionHandler(e -> streams.remove(response));
  }

  private void file(HttpServerResponse response, String resource, String ext) {
    Buffer body = files.computeIfAbsent(resource, LiveServer::read);
    if (body.length() == 0) {
      response.setStatusCode(404).end("not found\n");
      return;
    }
    response
        .putHeader("content-type", UiResources.contentType(ext))
        .putHeader("cache-control", "no-cache");
    response.end(body);
  }

  /** Cytoscape.js's ES module from its WebJar, whatever version is on the classpath. */
  private void cytoscape(HttpServerResponse response) {
    file(response, UiResources.cytoscapeModule(), "mjs");
  }

  private static Buffer read(String resource) {
    return Buffer.buffer(UiResources.read(resource));
  }

  /** Ends every event stream and stops listening. */
  @Override
  public void close() throws Exception {
    for (HttpServerResponse r : streams) {
      r.end();
    }
    streams.clear();
    server.close().toCompletionStage().toCompletableFuture().get();
  }

  Vertx vertx() {
    return vertx;
  }
}
