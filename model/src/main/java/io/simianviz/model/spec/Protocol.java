package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Protocol a tier serves; its callers speak it. Every instance still answers HTTP/1.1 on the same
 * port (admin endpoints, probes, curl), so the protocol only decides how dependants call it.
 */
public enum Protocol {
  /** JSON over HTTP/1.1, pooled connections. */
  HTTP("http"),
  /** JSON over HTTP/2 cleartext with prior knowledge: one multiplexed connection per instance. */
  HTTP2("http2"),
  /** protobuf over HTTP/2 (service simianviz.v1.Nanoservice). */
  GRPC("grpc");

  private final String value;

  Protocol(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  /**
   * The protocol with this spec value, case-insensitive.
   *
   * @throws IllegalArgumentException listing the accepted values
   */
  public static Protocol fromValue(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(p -> p.value.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "\""
                        + text
                        + "\" is not a protocol (expected one of "
                        + Arrays.stream(values())
                            .map(Protocol::value)
                            .collect(Collectors.joining(", "))
                        + ")"));
  }

  /** A tier's protocol, {@link #HTTP} when the spec leaves it out. */
  public static Protocol of(TierSpec tier) {
    return tier.getProtocol() == null ? HTTP : tier.getProtocol();
  }
}
