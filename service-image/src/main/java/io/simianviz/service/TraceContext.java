package io.simianviz.service;

import io.vertx.core.MultiMap;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace position of one span: W3C trace context, with B3 (multi-header and single {@code b3})
 * accepted on the way in so Zipkin-instrumented callers join the same trace.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId 16 lower-case hex digits
 */
public record TraceContext(String traceId, String spanId, boolean sampled) {
  public static final String TRACEPARENT = "traceparent";

  private static final HexFormat HEX = HexFormat.of();

  /** A new trace: what a traffic source starts for every request. */
  public static TraceContext root(boolean sampled) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new TraceContext(
        HEX.toHexDigits(r.nextLong()) + HEX.toHexDigits(r.nextLong()), newSpanId(), sampled);
  }

  /** A span in the same trace whose parent is this one. */
  public TraceContext child() {
    return new TraceContext(traceId, newSpanId(), sampled);
  }

  public String traceparent() {
    return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
  }

  /** The caller's context from request headers, or null when the request carries none. */
  public static TraceContext fromHeaders(MultiMap headers) {
    String w3c = headers.get(TRACEPARENT);
    if (w3c != null) {
      return parseTraceparent(w3c);
    }
    String single = headers.get("b3");
    if (single != null) {
      String[] parts = single.split("-");
      return parts.length >= 2
          ? valid(parts[0], parts[1], parts.length < 3 || !"0".equals(parts[2]))
          : null;
    }
    String traceId = headers.get("X-B3-TraceId");
    String spanId = headers.get("X-B3-SpanId");
    if (traceId == null || spanId == null) {
      return null;
    }
    return valid(traceId, spanId, !"0".equals(headers.get("X-B3-Sampled")));
  }

  static TraceContext parseTraceparent(String header) {
    String[] parts = header.trim().split("-");
    if (parts.length < 4 || parts[1].length() != 32 || parts[2].length() != 16) {
      return null;
    }
    boolean sampled = parts[3].length() == 2 && (Integer.parseInt(parts[3], 16) & 1) == 1;
    return valid(parts[1], parts[2], sampled);
  }

  private static TraceContext valid(String traceId, String spanId, boolean sampled) {
    String trace = traceId.toLowerCase(java.util.Locale.ROOT);
    // B3 allows 64-bit trace ids; W3C wants 128, left-padded with zeros.
    if (trace.length() == 16) {
      trace = "0000000000000000" + trace;
    }
    String span = spanId.toLowerCase(java.util.Locale.ROOT);
    if (!isHex(trace, 32) || !isHex(span, 16)) {
      return null;
    }
    return new TraceContext(trace, span, sampled);
  }

  private static boolean isHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return !s.chars().allMatch(c -> c == '0');
  }

  private static String newSpanId() {
    long id;
    do {
      id = ThreadLocalRandom.current().nextLong();
    } while (id == 0);
    return HEX.toHexDigits(id);
  }
}
