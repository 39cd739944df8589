package io.simianviz.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
   * The JSON of {@link #toJson}, written directly: the same fields in the same order, with no
   * {@link JsonObject} and no JSON generator per call.
   */
  public Buffer toBuffer() {
    if (isPlain(key) && (value == null || isPlain(value))) {
      return Buffer.buffer(plainBytes());
    }
    StringBuilder b =
        new StringBuilder(64).append("{\"op\":\"").append(op.name()).append("\",\"key\":");
    quote(b, key);
    if (value != null) {
      b.append(",\"value\":");
      quote(b, value);
    }
    if (replica) {
      b.append(",\"replica\":true");
    }
    if (forwarded) {
      b.append(",\"forwarded\":true");
    }
    return Buffer.buffer(b.append('}').toString());
  }

  /**
   * Reads a request body. A body as {@link #toBuffer} writes it (flat, no white space, no escapes,
   * ASCII) is read directly; any other goes through {@link #fromJson(JsonObject)}, so both read
   * every body alike.
   *
   * @throws IllegalArgumentException naming what is wrong ({@link
   *     io.vertx.core.json.DecodeException} when the body is not JSON)
   */
  public static Request fromJson(Buffer body) {
    Request plain = PlainRequestReader.read(body);
    return plain != null ? plain : fromJson(body.toJsonObject());
  }

  /**
   * Reads a request body.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Request fromJson(JsonObject json) {
    return of(
        json.getString("op", "GET"),
        json.getString("key"),
        json.getString("value"),
        json.getBoolean("replica", false),
        json.getBoolean("forwarded", false));
  }

  /**
   * A request from its fields as read.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static Request of(String opName, String key, String value, boolean replica, boolean forwarded) {
    String op = opName.toUpperCase(Locale.ROOT);
    if (!op.equals("GET") && !op.equals("PUT")) {
      throw new IllegalArgumentException("op must be GET or PUT, not " + op);
    }
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key is required");
    }
    return new Request(Op.valueOf(op), key, value, replica, forwarded);
  }

  /**
   * The JSON of a request whose strings need no escape, as bytes at once: on every call, and a
   * string builder, its string and the string's encoding cost more than the bytes.
   */
  private byte[] plainBytes() {
    String opName = op.name();
    int size =
        OP_PREFIX.length
            + opName.length()
            + KEY_PREFIX.length
            + key.length()
            + 2
            + (value == null ? 0 : VALUE_PREFIX.length + value.length() + 1)
            + (replica ? REPLICA.length : 0)
            + (forwarded ? FORWARDED.length : 0);
    byte[] out = new byte[size];
    int at = put(out, 0, OP_PREFIX);
    at = put(out, at, opName);
    at = put(out, at, KEY_PREFIX);
    at = put(out, at, key);
    out[at++] = '"';
    if (value != null) {
      at = put(out, at, VALUE_PREFIX);
      at = put(out, at, value);
      out[at++] = '"';
    }
    if (replica) {
      at = put(out, at, REPLICA);
    }
    if (forwarded) {
      at = put(out, at, FORWARDED);
    }
    out[at] = '}';
    return out;
  }

  private static final byte[] OP_PREFIX = ascii("{\"op\":\"");
  private static final byte[] KEY_PREFIX = ascii("\",\"key\":\"");
  private static final byte[] VALUE_PREFIX = ascii(",\"value\":\"");
  private static final byte[] REPLICA = ascii(",\"replica\":true");
  private static final byte[] FORWARDED = ascii(",\"forwarded\":true");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static int put(byte[] out, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  private static int put(byte[] out, int at, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      out[at + i] = (byte) ascii.charAt(i);
    }
    return at + ascii.length();
  }

  /** Printable ASCII without a quote or a backslash: written into JSON as it is. */
  private static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        b.append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
        return;
      }
    }
    b.append(s).append('"');
  }
}
