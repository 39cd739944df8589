package io.simianviz.service.pod;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The segmentation probe: can this instance open a TCP connection to a host and port? The operator
 * asks each tier's pods to reach their declared dependencies (which must connect) and tiers they do
 * not depend on (which a NetworkPolicy must block). A blocked connection is silently dropped by the
 * network plugin, so it ends in a timeout; a refusal means packets got through to a host with
 * nothing listening, which is not the same as blocked and is reported separately.
 */
public final class ReachabilityProbe {
  /** How a probe ended. */
  enum Outcome {
    CONNECTED,
    REFUSED,
    TIMEOUT,
    UNRESOLVED,
    FAILED;

    String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final int MAX_TIMEOUT_MS = 10_000;

  private final Vertx vertx;

  public ReachabilityProbe(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Tries one connection; the answer is JSON {host, port, outcome, reachable, millis}. */
  public Future<JsonObject> probe(String host, int port, int timeoutMs) {
    NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(timeoutMs));
    long start = System.nanoTime();
    return client
        .connect(port, host)
        .compose(socket -> socket.close().map(Outcome.CONNECTED))
        .recover(failure -> Future.succeededFuture(outcomeOf(failure)))
        .map(
            outcome ->
                new JsonObject()
                    .put("host", host)
                    .put("port", port)
                    .put("outcome", outcome.value())
                    .put("reachable", outcome == Outcome.CONNECTED)
                    .put("millis", (System.nanoTime() - start) / 1_000_000))
        .eventually(() -> client.close());
  }

  private static Outcome outcomeOf(Throwable failure) {
    if (failure instanceof UnknownHostException) {
      return Outcome.UNRESOLVED;
    }
    String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("timed out")) {
      return Outcome.TIMEOUT;
    }
    if (failure instanceof ConnectException || message.contains("refused")) {
      return Outcome.REFUSED;
    }
    return Outcome.FAILED;
  }
}
