package io.simianviz.service;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * JSON calls, {@code POST /request}: over HTTP/1.1 or HTTP/2, whichever the given client speaks.
 */
final class JsonTransport implements Transport {
  private final HttpClient client;

  JsonTransport(HttpClient client) {
    this.client = client;
  }

  @Override
  public Future<Reply> send(Endpoint target, Request request, TraceContext parent, long timeoutMs) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(target.host())
            .setPort(target.port())
            .setURI(Nanoservice.REQUEST_PATH)
            .setConnectTimeout(timeoutMs)
            .setIdleTimeout(timeoutMs)
            .putHeader("content-type", "application/json")
            .putHeader(TraceContext.TRACEPARENT, parent.traceparent());
    return client
        .request(options)
        .compose(r -> r.send(request.toJson().toBuffer()))
        .compose(resp -> resp.body().map(body -> new Reply(resp.statusCode(), parse(body))));
  }

  private static JsonObject parse(Buffer body) {
    try {
      return body.length() == 0 ? new JsonObject() : body.toJsonObject();
    } catch (RuntimeException e) {
      return new JsonObject().put("error", body.toString());
    }
  }
}
