package io.simianviz.operator.ui;

import io.simianviz.model.graph.VizceralJson;
import io.simianviz.model.live.LiveSnapshot;
import io.simianviz.ui.UiResources;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live view on the operator's HTTP port (Quarkus' own server, 8080 in the image): an index of
 * the Architectures ({@code /ui/}), one page per Architecture ({@code /ui/<namespace>/<name>}, the
 * local runtime's page, told where its model is by a meta tag), its model as one JSON document
 * ({@code .../live/snapshot}), as server-sent events ({@code .../live/events}) and in Vizceral's
 * format ({@code .../vizceral.json}); the page's modules and styles under {@code /ui/} and
 * Cytoscape.js as {@code /lib/cytoscape.mjs}, as the local runtime serves them.
 */
@ApplicationScoped
public class UiRoutes {
  private static final String UI = UiResources.UI;
  private static final Pattern UI_FILE = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|html|svg)");

  /** {@code <namespace>/<name>} and what follows: DNS labels and subdomains, no dots in a label. */
  private static final Pattern VIEW =
      Pattern.compile("([a-z0-9][a-z0-9-]*)/([a-z0-9][a-z0-9.-]*)(/.*)?");

  private final LiveViews views;
  private final Map<String, Buffer> files = new ConcurrentHashMap<>();

  public UiRoutes(LiveViews views) {
    this.views = views;
  }

  void routes(@Observes Router router) {
    // Vert.x matches /ui, /ui/ and everything under it here.
    router.get("/ui/*").handler(this::ui);
    router
        .get("/lib/cytoscape.mjs")
        .handler(ctx -> file(ctx.response(), UiResources.cytoscapeModule(), "mjs"));
  }

  private void ui(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    String path = ctx.request().path();
    if (!path.startsWith("/ui/")) {
      ctx.redirect("/ui/");
      return;
    }
    String rest = path.substring("/ui/".length());
    if (rest.isEmpty()) {
      html(response, IndexPage.of(views.list()));
      return;
    }
    if (UI_FILE.matcher(rest).matches()) {
      file(response, UI + rest, rest.substring(rest.lastIndexOf('.') + 1));
      return;
    }
    Matcher m = VIEW.matcher(rest);
    if (!m.matches()) {
      notFound(response);
      return;
    }
    String namespace = m.group(1);
    String name = m.group(2);
    String tail = m.group(3) == null ? "" : m.group(3);
    Optional<LiveSnapshot> snapshot = views.snapshot(namespace, name);
    if (snapshot.isEmpty()) {
      notFound(response);
      return;
    }
    String base = "/ui/" + namespace + "/" + name;
    switch (tail) {
      case "", "/" -> html(response, page(base));
      case "/live/snapshot" -> json(response, snapshot.get().toJson());
      case "/vizceral.json" ->
          json(response, VizceralJson.of(snapshot.get(), System.currentTimeMillis()));
      case "/live/events" -> {
        response
            .setChunked(true)
            .putHeader("content-type", "text/event-stream")
            .putHeader("cache-control", "no-store")
            .putHeader("x-accel-buffering", "no");
        views.follow(namespace, name, response);
      }
      default -> notFound(response);
    }
  }

  /** The local runtime's page, told where this architecture's model is. */
  private String page(String base) {
    String index = read(UI + "index.html").toString(StandardCharsets.UTF_8);
    return index.replaceFirst(
        "<head>",
        "<head>\n  <meta name=\"simianviz-live\" content=\"" + IndexPage.escape(base) + "/live\">");
  }

  private static void json(HttpServerResponse response, String body) {
    response
        .putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store")
        .end(body);
  }

  private static void html(HttpServerResponse response, String body) {
    response
        .putHeader("content-type", UiResources.contentType("html"))
        .putHeader("cache-control", "no-store")
        .end(body);
  }

  private static void notFound(HttpServerResponse response) {
    response.setStatusCode(404).putHeader("content-type", "text/plain").end("not found\n");
  }

  private void file(HttpServerResponse response, String resource, String ext) {
    Buffer body = files.computeIfAbsent(resource, UiRoutes::read);
    if (body.length() == 0) {
      notFound(response);
      return;
    }
    response
        .putHeader("content-type", UiResources.contentType(ext))
        .putHeader("cache-control", "no-cache");
    response.end(body);
  }

  private static Buffer read(String resource) {
    return Buffer.buffer(UiResources.read(resource));
  }
}
