package io.simianviz.service.trace;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * One finished hop, in Zipkin v2 form.
 *
 * @param parentId the caller's span id, null for a root span
 * @param kind SERVER for a hop, CLIENT for a traffic source's root
 * @param timestampMicros epoch microseconds when the span started
 */
public record Span(
    String traceId,
    String id,
    String parentId,
    String name,
    String kind,
    long timestampMicros,
    long durationMicros,
    String serviceName,
    String ipv4,
    int port,
    Map<String, String> tags) {

  public JsonObject toZipkinJson() {
    JsonObject endpoint = new JsonObject().put("serviceName", serviceName);
    if (ipv4 != null) {
      endpoint.put("ipv4", ipv4);
    }
    if (port > 0) {
      endpoint.put("port", port);
    }
    JsonObject json =
        new JsonObject()
            .put("traceId", traceId)
            .put("id", id)
            .put("name", name)
            .put("kind", kind)
            .put("timestamp", timestampMicros)
            .put("duration", Math.max(1, durationMicros))
            .put("localEndpoint", endpoint);
    if (parentId != null) {
      json.put("parentId", parentId);
    }
    if (!tags.isEmpty()) {
      JsonObject t = new JsonObject();
      tags.forEach(t::put);
      json.put("tags", t);
    }
    return json;
  }

  /** spigo's flow line: {@code region.zone.instance tTRACEpPARENTsSPAN Op}. */
  public String flowLine() {
    return tags.getOrDefault("instance", serviceName)
        + " t"
        + traceId
        + "p"
        + (parentId == null ? "0" : parentId)
        + "s"
        + id
        + " "
        + name;
  }

  /** The wall clock in epoch microseconds, the unit of Zipkin timestamps. */
  public static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }
}
