package io.simianviz.service.call;

import io.netty.util.AsciiString;
import io.simianviz.model.spec.Protocol;
import io.vertx.core.MultiMap;
import java.util.concurrent.TimeUnit;

/**
 * How a request says how long its caller still waits: the time left, not an instant, so the
 * caller's and the callee's clocks need not agree. gRPC has its standard {@value #GRPC} header (1
 * to 8 digits and a unit: H, M, S, m, u, n), which grpc-java and every other gRPC client set from a
 * call's deadline; HTTP has no standard one, so JSON calls carry {@value #JSON} with the whole
 * milliseconds left.
 */
public final class DeadlineHeaders {
  public static final String GRPC = "grpc-timeout";
  public static final String JSON = "x-simianviz-timeout-ms";

  /** What {@link #remainingNanos} returns for a request that carries no deadline (or a bad one). */
  public static final long NONE = Long.MIN_VALUE;

  private static final long MAX_GRPC_VALUE = 99_999_999L;

  // Looked up on every request: names whose hash is computed once, not per look-up.
  private static final CharSequence GRPC_NAME = AsciiString.cached(GRPC);
  private static final CharSequence JSON_NAME = AsciiString.cached(JSON);

  private DeadlineHeaders() {}

  /** The time left that a request arrived with, in nanoseconds, or {@link #NONE}. */
  public static long remainingNanos(MultiMap headers, Protocol protocol) {
    if (protocol == Protocol.GRPC) {
      String value = headers.get(GRPC_NAME);
      return value == null ? NONE : parseGrpc(value);
    }
    String value = headers.get(JSON_NAME);
    if (value == null) {
      return NONE;
    }
    try {
      long ms = Long.parseLong(value.trim());
      return ms < 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(ms);
    } catch (NumberFormatException e) {
      return NONE;
    }
  }

  /** The {@value #JSON} value for this much time left: whole milliseconds, rounded down. */
  public static String json(long remainingNanos) {
    return Long.toString(Math.max(0, remainingNanos) / 1_000_000);
  }

  /**
   * The {@value #GRPC} value for this much time left, in the finest unit whose value fits the
   * header's eight digits, rounded down.
   */
  public static String grpc(long remainingNanos) {
    long nanos = Math.max(0, remainingNanos);
    if (nanos <= MAX_GRPC_VALUE) {
      return nanos + "n";
    }
    long micros = nanos / 1000;
    if (micros <= MAX_GRPC_VALUE) {
      return micros + "u";
    }
    long millis = micros / 1000;
    if (millis <= MAX_GRPC_VALUE) {
      return millis + "m";
    }
    return Math.min(MAX_GRPC_VALUE, millis / 1000) + "S";
  }

  static long parseGrpc(String value) {
    int length = value.length();
    if (length < 2 || length > 9) {
      return NONE;
    }
    long amount = 0;
    for (int i = 0; i < length - 1; i++) {
      int digit = Character.digit(value.charAt(i), 10);
      if (digit < 0) {
        return NONE;
      }
      amount = amount * 10 + digit;
    }
    TimeUnit unit =
        switch (value.charAt(length - 1)) {
          case 'H' -> TimeUnit.HOURS;
          case 'M' -> TimeUnit.MINUTES;
          case 'S' -> TimeUnit.SECONDS;
          case 'm' -> TimeUnit.MILLISECONDS;
          case 'u' -> TimeUnit.MICROSECONDS;
          case 'n' -> TimeUnit.NANOSECONDS;
          default -> null;
        };
    return unit == null ? NONE : unit.toNanos(amount);
  }
}
