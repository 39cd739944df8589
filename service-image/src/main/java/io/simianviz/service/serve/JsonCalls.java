package io.simianviz.service.serve;

import io.simianviz.model.spec.Protocol;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.call.JsonTransport;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The JSON face of an instance, over HTTP/1.1 and HTTP/2 alike: {@code POST /request} with a JSON
 * {@link Request}, or {@code GET /request?key=k} as a shorthand for a GET (handy for load tools).
 * The reply status is the {@link Reply} status, the body its JSON.
 */
final class JsonCalls {
  private final RequestServing serving;

  JsonCalls(RequestServing serving) {
    this.serving = serving;
  }

  void handle(HttpServerRequest req) {
    Protocol protocol = req.version() == HttpVersion.HTTP_2 ? Protocol.HTTP2 : Protocol.HTTP;
    Hop hop = serving.arrived(req.headers(), protocol);
    if (HttpMethod.GET.equals(req.method())) {
      serving.serve(hop, Request.get(key(req)), r -> write(req, r));
      return;
    }
    req.body()
        .onComplete(
            ar -> {
              Request request;
              try {
                if (ar.failed()) {
                  throw new IllegalArgumentException(ar.cause().getMessage(), ar.cause());
                }
                request = Request.fromJson(ar.result());
              } catch (RuntimeException e) {
                write(req, serving.reject(hop, e.getMessage()));
                return;
              }
              serving.serve(hop, request, r -> write(req, r));
            });
  }

  /**
   * The {@code key} parameter of a GET, "key" without one. A query that is only {@code key=} and a
   * plain value is read as it is; any other goes through Vert.x's decoder, which builds a map of
   * every parameter on each request.
   */
  static String key(HttpServerRequest req) {
    String query = req.query();
    if (query != null && query.startsWith("key=") && isPlain(query)) {
      return query.substring(4);
    }
    return req.getParam("key", "key");
  }

  /** No second parameter, escape or fragment in it: the text after {@code key=} is the value. */
  private static boolean isPlain(String query) {
    for (int i = 4; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '&' || c == ';' || c == '%' || c == '+' || c == '#' || c == '=') {
        return false;
      }
    }
    return true;
  }

  private static void write(HttpServerRequest req, Reply reply) {
    req.response()
        .setStatusCode(reply.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, JsonTransport.JSON)
        // No promise for the write: nothing waits for it.
        .end(reply.toBuffer(), null);
  }
}
