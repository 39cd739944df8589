package io.simianviz.service.behaviour;

import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The in-memory data of one leaf instance. Bounded, because a long run with a large key space would
 * otherwise grow without end (spigo's flows were never freed either); when full an arbitrary entry
 * makes room, which to a reader looks like an eviction.
 */
final class KeyValueStore {
  static final int MAX_KEYS = 10_000;

  private final ConcurrentHashMap<String, String> data = new ConcurrentHashMap<>();
  private final double hitRate;

  KeyValueStore(double hitRate) {
    this.hitRate = hitRate;
  }

  /** A GET: a miss when the key is absent, or with probability 1 - hitRate (a cold cache line). */
  Reply get(String key) {
    String value = data.get(key);
    boolean hit =
        value != null && (hitRate >= 1 || ThreadLocalRandom.current().nextDouble() < hitRate);
    JsonObject body = new JsonObject().put("found", hit);
    if (hit) {
      body.put("value", value);
    }
    return Reply.ok(body);
  }

  Reply put(String key, String value) {
    if (data.size() >= MAX_KEYS && !data.containsKey(key)) {
      Iterator<String> keys = data.keySet().iterator();
      if (keys.hasNext()) {
        data.remove(keys.next());
      }
    }
    data.put(key, value == null ? "" : value);
    return Reply.ok(new JsonObject().put("found", true).put("value", value));
  }

  Reply serve(Request request) {
    return request.op() == Request.Op.GET
        ? get(request.key())
        : put(request.key(), request.value());
  }

  int size() {
    return data.size();
  }
}
