package io.simianviz.service;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * The request bodies {@link Request#toBuffer} writes (flat, no white space, no escapes, ASCII),
 * read without a JSON parser: a hop reads one per call. Any other body gives null, for the JSON
 * parser to read.
 */
final class PlainRequestReader {
  private final byte[] bytes;
  private int at;

  private PlainRequestReader(byte[] bytes) {
    this.bytes = bytes;
  }

  static Request read(Buffer body) {
    if (body.length() < 2 || body.length() > 4096) {
      return null;
    }
    return new PlainRequestReader(body.getBytes()).object();
  }

  private Request object() {
    if (!take('{')) {
      return null;
    }
    String op = null;
    String key = null;
    String value = null;
    Boolean replica = null;
    Boolean forwarded = null;
    do {
      String name = string();
      if (name == null || !take(':')) {
        return null;
      }
      switch (name) {
        case "op" -> {
          if (op != null || (op = string()) == null) {
            return null;
          }
        }
        case "key" -> {
          if (key != null || (key = string()) == null) {
            return null;
          }
        }
        case "value" -> {
          if (value != null || (value = string()) == null) {
            return null;
          }
        }
        case "replica" -> {
          if (replica != null || (replica = bool()) == null) {
            return null;
          }
        }
        case "forwarded" -> {
          if (forwarded != null || (forwarded = bool()) == null) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    } while (take(','));
    if (!take('}') || at != bytes.length) {
      return null;
    }
    return Request.of(
        op == null ? "GET" : op,
        key,
        value,
        replica != null && replica,
        forwarded != null && forwarded);
  }

  private boolean take(char c) {
    if (at < bytes.length && bytes[at] == c) {
      at++;
      return true;
    }
    return false;
  }

  /** A string of printable ASCII without escapes, or null. */
  private String string() {
    if (!take('"')) {
      return null;
    }
    int start = at;
    while (at < bytes.length) {
      byte c = bytes[at];
      if (c == '"') {
        String s = new String(bytes, start, at - start, StandardCharsets.US_ASCII);
        at++;
        return s;
      }
      if (c < 0x20 || c == '\\') {
        return null;
      }
      at++;
    }
    return null;
  }

  private Boolean bool() {
    if (matches("true")) {
      return Boolean.TRUE;
    }
    return matches("false") ? Boolean.FALSE : null;
  }

  private boolean matches(String word) {
    if (at + word.length() > bytes.length) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (bytes[at + i] != word.charAt(i)) {
        return false;
      }
    }
    at += word.length();
    return true;
  }
}
