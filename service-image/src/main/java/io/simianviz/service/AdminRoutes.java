package io.simianviz.service;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The admin endpoints every instance serves beside {@code /request}: statistics as JSON and as a
 * text table, Prometheus metrics, and the two health probes Kubernetes uses.
 */
final class AdminRoutes {
  private final NodeContext node;
  private final Nanoservice service;

  AdminRoutes(NodeContext node, Nanoservice service) {
    this.node = node;
    this.service = service;
  }

  void handle(HttpServerRequest req) {
    switch (req.path()) {
      case "/stats" -> json(req, 200, stats());
      case "/histogram" -> text(req, 200, node.stats().histogramTable());
      case "/metrics" ->
          req.response()
              .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
              .end(node.meters().scrape());
      case "/health/live" -> json(req, 200, new JsonObject().put("status", "UP"));
      case "/health/ready" ->
          json(
              req,
              service.ready() ? 200 : 503,
              new JsonObject().put("status", service.ready() ? "UP" : "DOWN"));
      default -> json(req, 404, new JsonObject().put("error", "no such path: " + req.path()));
    }
  }

  private JsonObject stats() {
    InstanceConfig c = service.config();
    JsonObject json =
        node.stats()
            .toJson()
            .put("instance", c.name())
            .put("tier", c.tier())
            .put("package", c.pkg().spigoName())
            .put("region", c.region())
            .put("zone", c.zone())
            .put("retriesDenied", node.retryBudget().denied())
            .put("spansExported", node.spans().exported())
            .put("spansDropped", node.spans().dropped());
    if (service.traffic() != null) {
      json.put("traffic", service.traffic().summary().toJson());
    }
    return json;
  }

  private static void json(HttpServerRequest req, int status, JsonObject body) {
    req.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.toBuffer());
  }

  private static void text(HttpServerRequest req, int status, String body) {
    req.response()
        .setStatusCode(status)
        .putHeader("content-type", "text/plain; charset=utf-8")
        .end(body);
  }
}
