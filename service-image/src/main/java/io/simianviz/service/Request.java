package io.simianviz.service;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * One key-value operation as it travels between tiers.
 *
 * @param replica true for a write that a store or ring node copies to a peer: the receiver stores
 *     it and does not replicate it again, which keeps replication to one level
 * @param forwarded true when a ring node already routed the request to the key's owner, so the
 *     receiver serves it instead of routing again
 */
public record Request(Op op, String key, String value, boolean replica, boolean forwarded) {
  public enum Op {
    GET,
    PUT
  }

  public static Request get(String key) {
    return new Request(Op.GET, key, null, false, false);
  }

  public static Request put(String key, String value) {
    return new Request(Op.PUT, key, value, false, false);
  }

  public Request asReplica() {
    return new Request(op, key, value, true, forwarded);
  }

  public Request asForwarded() {
    return new Request(op, key, value, replica, true);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("op", op.name()).put("key", key);
    if (value != null) {
      json.put("value", value);
    }
    if (replica) {
      json.put("replica", true);
    }
    if (forwarded) {
      json.put("forwarded", true);
    }
    return json;
  }

  /**
   * Reads a request body.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Request fromJson(JsonObject json) {
    String op = json.getString("op", "GET").toUpperCase(Locale.ROOT);
    if (!op.equals("GET") && !op.equals("PUT")) {
      throw new IllegalArgumentException("op must be GET or PUT, not " + op);
    }
    String key = json.getString("key");
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key is required");
    }
    return new Request(
        Op.valueOf(op),
        key,
        json.getString("value"),
        json.getBoolean("replica", false),
        json.getBoolean("forwarded", false));
  }
}
