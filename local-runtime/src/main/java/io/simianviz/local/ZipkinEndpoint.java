package io.simianviz.local;

import io.simianviz.model.spec.ArchitectureSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a {@code tracing.zipkinEndpoint} before a run sends spans to it: a URL that is not http(s)
 * or a collector that is not listening would otherwise fail every batch, and a collector that does
 * not answer would hold up spans.json behind it.
 */
final class ZipkinEndpoint {
  static final int CONNECT_TIMEOUT_MILLIS = 2000;

  private ZipkinEndpoint() {}

  /** The spec's {@code tracing.zipkinEndpoint}, or null when it has none. */
  static String of(ArchitectureSpec spec) {
    String endpoint = spec.getTracing() == null ? null : spec.getTracing().getZipkinEndpoint();
    return endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
  }

  /** Why spans cannot be sent to {@code endpoint}, or null when a collector listens there. */
  static String problem(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      return "\"" + endpoint + "\" is not a URL (expected e.g. http://localhost:9411/api/v2/spans)";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
      return "\""
          + endpoint
          + "\" is not an http(s) URL (expected e.g. http://localhost:9411/api/v2/spans)";
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MILLIS);
      return null;
    } catch (IOException e) {
      return "cannot connect to "
          + uri.getHost()
          + ":"
          + port
          + " ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + "); is the collector running?";
    }
  }
}
