package io.simianviz.service.stats;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A snapshot of one series; latencies in milliseconds. {@code count} counts every request,
 * successful or not; {@code errors} the failed ones.
 */
public record SeriesStats(
    String name,
    Series.Kind kind,
    String tier,
    String detail,
    long count,
    long errors,
    double p50,
    double p90,
    double p99,
    double p999,
    double max) {

  public double successRate() {
    return count == 0 ? 1.0 : (count - errors) / (double) count;
  }

  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("name", name)
            .put("kind", kind.name().toLowerCase(Locale.ROOT))
            .put("tier", tier);
    json.put(kind == Series.Kind.EDGE ? "to" : "op", detail);
    return json.put("count", count)
        .put("errors", errors)
        .put("p50", p50)
        .put("p90", p90)
        .put("p99", p99)
        .put("p999", p999)
        .put("max", max);
  }
}
