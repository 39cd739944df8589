package io.simianviz.service;

import io.simianviz.service.call.DeadlineHeaders;
import io.simianviz.service.discovery.Endpoint;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dependency "db" that never answers and keeps the time left each call said it had ({@value
 * DeadlineHeaders#JSON}, -1 when absent): what a tier's calls carry, seen from the callee.
 */
final class DeadlineFixture implements AutoCloseable {
  final List<Long> timeLeftMs = new CopyOnWriteArrayList<>();
  private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  DeadlineFixture(Fleet fleet) {
    server =
        Fleet.await(
            fleet
                .process
                .vertx()
                .createHttpServer()
                .requestHandler(
                    req -> {
                      String value = req.getHeader(DeadlineHeaders.JSON);
                      timeLeftMs.add(value == null ? -1 : Long.parseLong(value));
                      held.add(req);
                    })
                .listen(0, "127.0.0.1"));
    fleet.registry.register(
        new Endpoint("db0", "db", "us-east-1", "zoneA", "127.0.0.1", server.actualPort()));
  }

  @Override
  public void close() {
    Fleet.await(server.close());
  }
}
