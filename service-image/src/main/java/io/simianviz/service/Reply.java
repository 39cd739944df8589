package io.simianviz.service;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The answer to one request: an HTTP-style status and a JSON body. 5xx statuses are errors.
 *
 * <p>A reply that came over the wire as JSON ({@link #fromWire}) keeps the bytes it came as and is
 * parsed only when someone looks inside it ({@link #body}, {@link #value}): most tiers pass a
 * dependency's reply on unchanged (docs/architecture.md, "One request, hop by hop"), and writing it
 * out again then costs no parsing and no encoding. {@link #found} and the presence of a field are
 * read from the bytes without parsing. Once {@link #body} has been asked for, the parsed object is
 * the reply (the caller may change it) and the bytes are forgotten.
 */
public final class Reply {
  public static final int OK = 200;
  public static final int BAD_REQUEST = 400;
  public static final int INJECTED_ERROR = 500;
  public static final int DEPENDENCY_FAILED = 502;
  public static final int NO_INSTANCE = 503;
  public static final int TIMEOUT = 504;
  public static final int LOOP_DETECTED = 508;

  private static final byte[] FOUND_TRUE = "\"found\":true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FOUND_FALSE = "\"found\":false".getBytes(StandardCharsets.US_ASCII);

  private final int status;

  /** Read on the thread that handles the reply (futures hand it over with a happens-before). */
  private JsonObject body;

  /** The JSON the reply came as, until someone parses it; null for a reply made here. */
  private Buffer wire;

  /** A copy of {@link #wire} to scan, made on the first look. */
  private byte[] wireBytes;

  public Reply(int status, JsonObject body) {
    this.status = status;
    this.body = Objects.requireNonNull(body, "body");
  }

  private Reply(int status, Buffer wire) {
    this.status = status;
    this.wire = wire;
  }

  /**
   * A reply as a JSON call returned it: kept as these bytes until read. An empty body is an empty
   * object; a body that is not a JSON object becomes {@code {"error": its text}} when read.
   */
  public static Reply fromWire(int status, Buffer json) {
    return json.length() == 0 || !looksLikeObject(json)
        ? new Reply(status, parse(json))
        : new Reply(status, json);
  }

  public static Reply ok(JsonObject body) {
    return new Reply(OK, body);
  }

  public static Reply error(int status, String message) {
    return new Reply(status, new JsonObject().put("error", message));
  }

  public int status() {
    return status;
  }

  /** The body, parsed now if the reply is still the bytes it came as. */
  public JsonObject body() {
    if (body == null) {
      body = parse(wire);
      wire = null;
      wireBytes = null;
    }
    return body;
  }

  /** The JSON of the body: the bytes the reply came as when nobody parsed it, else encoded now. */
  public Buffer toBuffer() {
    return wire != null ? wire : body.toBuffer();
  }

  /** The bytes the reply came as, or null when it was made here or has been parsed since. */
  public Buffer wire() {
    return wire;
  }

  public boolean isError() {
    return status >= 500;
  }

  public boolean found() {
    if (wire != null) {
      // Our own servers write JSON without white space; anything else is parsed.
      if (indexOf(wireBytes(), FOUND_TRUE) >= 0) {
        return true;
      }
      if (indexOf(wireBytes(), FOUND_FALSE) >= 0) {
        return false;
      }
    }
    return body().getBoolean("found", false);
  }

  public String value() {
    return body().getString("value");
  }

  public String errorMessage() {
    return body().getString("error", "status " + status);
  }

  /**
   * Where a top-level-looking key {@code "name":} starts in the bytes the reply came as, or -1
   * (also for a reply that is not such bytes). Inside a JSON string a quote is always escaped, so
   * the quote-name-quote-colon sequence can only be a key; the nanoservice's bodies are flat
   * objects, so every key is a top-level one.
   */
  public int wireKeyAt(byte[] quotedKeyColon) {
    return wire == null ? -1 : indexOf(wireBytes(), quotedKeyColon);
  }

  /** Whether the bytes the reply came as hold {@code expected} at {@code at}. */
  public boolean wireHas(int at, byte[] expected) {
    if (wire == null || at < 0 || at + expected.length > wire.length()) {
      return false;
    }
    byte[] bytes = wireBytes();
    for (int i = 0; i < expected.length; i++) {
      if (bytes[at + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private byte[] wireBytes() {
    if (wireBytes == null) {
      wireBytes = wire.getBytes();
    }
    return wireBytes;
  }

  /** The bytes of {@code "name":}, for {@link #wireKeyAt}. */
  public static byte[] keyBytes(String name) {
    return ("\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reply r && r.status == status && r.body().equals(body());
  }

  @Override
  public int hashCode() {
    return 31 * status + body().hashCode();
  }

  @Override
  public String toString() {
    return "Reply[status=" + status + ", body=" + (wire != null ? wire.toString() : body) + "]";
  }

  private static JsonObject parse(Buffer json) {
    try {
      return json.length() == 0 ? new JsonObject() : json.toJsonObject();
    } catch (RuntimeException e) {
      return new JsonObject().put("error", json.toString());
    }
  }

  private static boolean looksLikeObject(Buffer json) {
    return json.getByte(0) == '{' && json.getByte(json.length() - 1) == '}';
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    int last = haystack.length - needle.length;
    byte first = needle[0];
    outer:
    for (int i = 0; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
