package io.simianviz.service.trace;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace position of one span: W3C trace context, with B3 (multi-header and single {@code b3})
 * accepted on the way in so Zipkin-instrumented callers join the same trace.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId 16 lower-case hex digits
 * @param hops the span's depth: 0 at the traffic source, 1 at the first server, one more per
 *     server; carried in the {@value #HOPS} header so that a request looping through a dependency
 *     cycle can be stopped, as IP's TTL stops a packet
 * @param deadlineNanos when the caller stops waiting for this request, on this process's {@link
 *     System#nanoTime} clock, or {@link #NO_DEADLINE}: it travels with the trace position because
 *     that is what every call of the request is handed; on the wire it goes as the time left
 *     ({@link io.simianviz.service.call.DeadlineHeaders}), so clocks need not agree
 */
public record TraceContext(
    String traceId, String spanId, boolean sampled, int hops, long deadlineNanos) {
  public static final String TRACEPARENT = "traceparent";
  public static final String HOPS = "simianviz-hops";

  /** A request whose caller said nothing of how long it waits. */
  public static final long NO_DEADLINE = Long.MIN_VALUE;

  private static final HexFormat HEX = HexFormat.of();

  // Looked up on every request: names whose hash is computed once, not per look-up, in lower case
  // (HTTP/1.1 compares names ignoring case; HTTP/2 lowers a name before each look-up).
  private static final CharSequence TRACEPARENT_NAME = AsciiString.cached(TRACEPARENT);
  private static final CharSequence HOPS_NAME = AsciiString.cached(HOPS);
  private static final CharSequence B3 = AsciiString.cached("b3");
  private static final CharSequence B3_TRACE_ID = AsciiString.cached("x-b3-traceid");
  private static final CharSequence B3_SPAN_ID = AsciiString.cached("x-b3-spanid");
  private static final CharSequence B3_SAMPLED = AsciiString.cached("x-b3-sampled");

  public TraceContext(String traceId, String spanId, boolean sampled, int hops) {
    this(traceId, spanId, sampled, hops, NO_DEADLINE);
  }

  public TraceContext(String traceId, String spanId, boolean sampled) {
    this(traceId, spanId, sampled, 0);
  }

  /** This context with the caller's deadline, {@code remainingNanos} from now. */
  public TraceContext withTimeLeft(long remainingNanos) {
    return withDeadline(System.nanoTime() + Math.max(0, remainingNanos));
  }

  /** This context with the caller's deadline at {@code atNanos} on {@link System#nanoTime}. */
  public TraceContext withDeadline(long atNanos) {
    return new TraceContext(traceId, spanId, sampled, hops, atNanos);
  }

  public boolean hasDeadline() {
    return deadlineNanos != NO_DEADLINE;
  }

  /** Nanoseconds until the deadline (negative once past); only meaningful with a deadline. */
  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  /** A new trace: what a traffic source starts for every request. */
  public static TraceContext root(boolean sampled) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new TraceContext(
        HEX.toHexDigits(r.nextLong()) + HEX.toHexDigits(r.nextLong()), newSpanId(), sampled);
  }

  /** A span in the same trace whose parent is this one. */
  public TraceContext child() {
    return new TraceContext(traceId, newSpanId(), sampled, hops + 1, deadlineNanos);
  }

  /** The {@value #HOPS} header's value. */
  public String hopsHeader() {
    return Integer.toString(hops);
  }

  public String traceparent() {
    return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
  }

  /** The caller's context from request headers, or null when the request carries none. */
  public static TraceContext fromHeaders(MultiMap headers) {
    TraceContext context = contextFromHeaders(headers);
    String hops = headers.get(HOPS_NAME);
    if (context == null || hops == null) {
      return context;
    }
    try {
      return new TraceContext(
          context.traceId, context.spanId, context.sampled, Math.max(0, Integer.parseInt(hops)));
    } catch (NumberFormatException e) {
      return context;
    }
  }

  private static TraceContext contextFromHeaders(MultiMap headers) {
    String w3c = headers.get(TRACEPARENT_NAME);
    if (w3c != null) {
      return parseTraceparent(w3c);
    }
    String single = headers.get(B3);
    if (single != null) {
      String[] parts = single.split("-", -1);
      return parts.length >= 2
          ? valid(parts[0], parts[1], parts.length < 3 || !"0".equals(parts[2]))
          : null;
    }
    String traceId = headers.get(B3_TRACE_ID);
    String spanId = headers.get(B3_SPAN_ID);
    if (traceId == null || spanId == null) {
      return null;
    }
    return valid(traceId, spanId, !"0".equals(headers.get(B3_SAMPLED)));
  }

  static TraceContext parseTraceparent(String header) {
    String h = header.trim();
    // version-traceid-spanid-flags: 2, 32, 16 and 2 characters; a later version may append "-...".
    if (h.length() < 55
        || (h.length() > 55 && h.charAt(55) != '-')
        || h.charAt(2) != '-'
        || h.charAt(35) != '-'
        || h.charAt(52) != '-') {
      return null;
    }
    int high = Character.digit(h.charAt(53), 16);
    int low = Character.digit(h.charAt(54), 16);
    if (high < 0 || low < 0) {
      return null;
    }
    return valid(h.substring(3, 35), h.substring(36, 52), (low & 1) == 1);
  }

  private static TraceContext valid(String traceId, String spanId, boolean sampled) {
    String trace = traceId.toLowerCase(Locale.ROOT);
    // B3 allows 64-bit trace ids; W3C wants 128, left-padded with zeros.
    if (trace.length() == 16) {
      trace = "0000000000000000" + trace;
    }
    String span = spanId.toLowerCase(Locale.ROOT);
    if (!isHex(trace, 32) || !isHex(span, 16)) {
      return null;
    }
    return new TraceContext(trace, span, sampled);
  }

  /** Whether s is length hex digits, not all zero (W3C's invalid id). */
  private static boolean isHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    boolean nonZero = false;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (Character.digit(c, 16) < 0) {
        return false;
      }
      nonZero |= c != '0';
    }
    return nonZero;
  }

  private static String newSpanId() {
    long id;
    do {
      id = ThreadLocalRandom.current().nextLong();
    } while (id == 0);
    return HEX.toHexDigits(id);
  }
}
