package io.simianviz.service.serve;

import io.simianviz.model.chaos.TrafficCounters;
import io.simianviz.model.pod.PodDrain;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.pod.ReachabilityProbe;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The admin endpoints every instance serves beside {@code /request}: statistics as JSON and as a
 * text table (its tier's, shared by the tier's instances in the local runtime; a traffic source's
 * also its settled counters), Prometheus metrics (its own: {@link
 * io.simianviz.service.stats.InstanceMetrics}), the two health probes Kubernetes uses, the
 * segmentation probe {@code /probe?host=H&port=P[&timeoutMs=T]} and the preStop hook's drain {@code
 * /drain[?seconds=S]} ({@link PodDrain}).
 */
public final class AdminRoutes {
  private final ProcessContext process;
  private final Nanoservice service;
  private final ReachabilityProbe probe;

  public AdminRoutes(ProcessContext process, Nanoservice service) {
    this.process = process;
    this.service = service;
    this.probe = new ReachabilityProbe(process.vertx());
  }

  public void handle(HttpServerRequest req) {
    switch (req.path()) {
      case "/stats" -> json(req, 200, stats());
      case "/histogram" -> text(req, 200, process.stats().histogramTable());
      case "/metrics" ->
          req.response()
              .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
              .end(service.metrics().scrape());
      case "/health/live" -> json(req, 200, new JsonObject().put("status", "UP"));
      case "/health/ready" ->
          json(
              req,
              service.ready() ? 200 : 503,
              new JsonObject().put("status", service.ready() ? "UP" : "DOWN"));
      case "/probe" -> probe(req);
      case PodDrain.PATH -> drain(req);
      default -> json(req, 404, new JsonObject().put("error", "no such path: " + req.path()));
    }
  }

  /** The preStop hook's call: answered once the drain wait is over. */
  private void drain(HttpServerRequest req) {
    Integer seconds =
        integer(
            req.getParam(PodDrain.SECONDS_PARAM, String.valueOf(PodDrain.DEFAULT_SECONDS)),
            0,
            PodDrain.MAX_SECONDS);
    if (seconds == null) {
      json(
          req,
          400,
          new JsonObject()
              .put(
                  "error",
                  "expected "
                      + PodDrain.PATH
                      + "[?"
                      + PodDrain.SECONDS_PARAM
                      + "=0.."
                      + PodDrain.MAX_SECONDS
                      + "]"));
      return;
    }
    service
        .drain(Duration.ofSeconds(seconds))
        .onComplete(
            ar ->
                json(req, 200, new JsonObject().put("status", "DRAINED").put("seconds", seconds)));
  }

  private void probe(HttpServerRequest req) {
    String host = req.getParam("host");
    Integer port = integer(req.getParam("port"), 1, 65535);
    Integer timeout =
        integer(req.getParam("timeoutMs", "1000"), 1, ReachabilityProbe.MAX_TIMEOUT_MS);
    if (host == null || host.isBlank() || port == null || timeout == null) {
      json(
          req,
          400,
          new JsonObject()
              .put(
                  "error",
                  "expected /probe?host=H&port=1..65535[&timeoutMs=1.."
                      + ReachabilityProbe.MAX_TIMEOUT_MS
                      + "]"));
      return;
    }
    probe.probe(host, port, timeout).onSuccess(answer -> json(req, 200, answer));
  }

  private static Integer integer(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      return n >= min && n <= max ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private JsonObject stats() {
    InstanceConfig c = service.config();
    JsonObject json =
        process
            .stats()
            .toJson()
            .put("instance", c.name())
            .put("tier", c.tier())
            .put("package", c.pkg().spigoName())
            .put("region", c.region())
            .put("zone", c.zone())
            .put("retriesDenied", process.retriesDenied())
            .put("spansExported", process.spans().exported())
            .put("spansDropped", process.spans().dropped());
    TrafficSource traffic = service.traffic();
    if (traffic != null) {
      json.put("traffic", traffic.summary().toJson().put("lateAnswers", traffic.lateAnswers()));
      json.put("settled", settled(TrafficCounters.of(traffic.settled())));
    }
    return json;
  }

  /**
   * The JSON form of {@link TrafficCounters}, the properties Jackson reads into it, written field
   * by field: the nanoservice's JSON codec is streaming only (see {@link
   * io.simianviz.service.StreamingJsonFactory}), so it maps no objects.
   */
  private static JsonObject settled(TrafficCounters c) {
    return new JsonObject()
        .put("throughMillis", c.getThroughMillis())
        .put("sent", c.getSent())
        .put("answered", c.getAnswered())
        .put("errors", c.getErrors())
        .put("lost", c.getLost())
        .put("latency", c.getLatency());
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
