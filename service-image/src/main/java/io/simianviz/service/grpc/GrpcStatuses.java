package io.simianviz.service.grpc;

import io.simianviz.service.Reply;
import io.vertx.core.MultiMap;
import io.vertx.grpc.common.GrpcStatus;
import java.nio.charset.StandardCharsets;

/**
 * Our HTTP-style reply statuses as gRPC status codes and back, so a failed gRPC call is counted and
 * retried like the same failure over HTTP. The code alone loses detail (502 and 503 are both
 * UNAVAILABLE), so a server also sends the exact status in the trailer {@value #STATUS_TRAILER};
 * the code is the fallback for servers that do not.
 */
public final class GrpcStatuses {
  public static final String STATUS_TRAILER = "simianviz-status";
  public static final String MESSAGE_TRAILER = "grpc-message";
  private static final String HEX = "0123456789ABCDEF";

  private GrpcStatuses() {}

  /** The gRPC code for a reply status; OK for every status below 300. */
  public static GrpcStatus toGrpc(int status) {
    if (status < 300) {
      return GrpcStatus.OK;
    }
    return switch (status) {
      case Reply.BAD_REQUEST -> GrpcStatus.INVALID_ARGUMENT;
      case Reply.INJECTED_ERROR -> GrpcStatus.INTERNAL;
      case Reply.DEPENDENCY_FAILED, Reply.NO_INSTANCE -> GrpcStatus.UNAVAILABLE;
      case Reply.TIMEOUT -> GrpcStatus.DEADLINE_EXCEEDED;
      case Reply.LOOP_DETECTED -> GrpcStatus.ABORTED;
      default -> GrpcStatus.UNKNOWN;
    };
  }

  /**
   * A status message as the gRPC spec encodes it: only bytes outside printable ASCII, {@code %} and
   * {@code +} (which some decoders read as a space) become {@code %XX}. Vert.x would encode every
   * punctuation mark, which clients that decode with JavaScript's decodeURI show as is.
   */
  public static String encodeMessage(String message) {
    StringBuilder out = new StringBuilder(message.length());
    for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 0x20 && c <= 0x7e && c != '%' && c != '+') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  /** The reply status for a gRPC code: what a JSON call failing the same way would answer. */
  static int toStatus(GrpcStatus code) {
    return switch (code) {
      case OK -> Reply.OK;
      case INVALID_ARGUMENT -> Reply.BAD_REQUEST;
      case INTERNAL -> Reply.INJECTED_ERROR;
      case UNAVAILABLE -> Reply.NO_INSTANCE;
      case DEADLINE_EXCEEDED -> Reply.TIMEOUT;
      default -> Reply.DEPENDENCY_FAILED;
    };
  }

  /**
   * The error reply for a call that ended with a non-OK code.
   *
   * @param trailers where the server put {@value #STATUS_TRAILER} (the headers, for a trailers-only
   *     response)
   */
  public static Reply toReply(GrpcStatus code, String message, MultiMap trailers) {
    int status = toStatus(code);
    String exact = trailers == null ? null : trailers.get(STATUS_TRAILER);
    if (exact != null) {
      try {
        int parsed = Integer.parseInt(exact.trim());
        if (parsed >= 300 && parsed <= 599) {
          status = parsed;
        }
      } catch (NumberFormatException e) {
        // A foreign or broken trailer: the code is all we know.
      }
    }
    return Reply.error(
        status, message == null || message.isEmpty() ? "gRPC status " + code.name() : message);
  }
}
