package io.simianviz.service.call;

import static io.simianviz.model.TierPackage.KARYON;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.Fleet;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP/1.1 call's timeout is a deadline on the whole attempt, not a connection's idle timeout:
 * an answer that trickles in still times out, and a connection idle for longer than the timeout is
 * kept for the next call.
 */
class CallTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  @TempDir Path dir;
  Fleet fleet;
  HttpServer server;
  final List<Integer> callerPorts = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      Fleet.await(server.close());
    }
    fleet.close();
  }

  /** A dependency "db" at a plain Vert.x server that answers as the test says. */
  private DependencyClient clientOfServer(Consumer<HttpServerRequest> answer) {
    fleet = new Fleet(dir, CallPolicy.defaults().withTimeout(TIMEOUT).withMaxRetries(0));
    Vertx vertx = fleet.process.vertx();
    server =
        Fleet.await(
            vertx
                .createHttpServer()
                .requestHandler(
                    req -> {
                      callerPorts.add(req.remoteAddress().port());
                      req.body().onSuccess(body -> answer.accept(req));
                    })
                .listen(0, "127.0.0.1"));
    fleet.registry.register(
        new Endpoint("db0", "db", "us-east-1", "zoneA", "127.0.0.1", server.actualPort()));
    InstanceConfig web = Fleet.config("web", KARYON, "zoneA", "db:store");
    return new DependencyClient(fleet.process, web, true);
  }

  /** Calls from an event loop, as a serving instance does, so the sweep keeps the deadline. */
  private Reply callFromEventLoop(DependencyClient client) {
    return callFromEventLoop(client, TraceContext.root(false));
  }

  private Reply callFromEventLoop(DependencyClient client, TraceContext parent) {
    Context context = fleet.process.vertx().getOrCreateContext();
    Promise<Reply> reply = Promise.promise();
    context.runOnContext(v -> client.call("db", Request.get("k"), parent).onComplete(reply));
    return Fleet.await(reply.future());
  }

  private boolean dbEjected() {
    return fleet
        .process
        .outliers()
        .ejected()
        .test(new Endpoint("db0", "db", "us-east-1", "zoneA", "127.0.0.1", server.actualPort()));
  }

  @Test
  void attemptsShortenedByTheRequestsDeadlineDoNotEjectTheInstanceTheyTimedOutOn() {
    DependencyClient client = clientOfServer(req -> {}); // never answers
    for (int i = 0; i <= OutlierEjection.TIMEOUTS_TO_EJECT; i++) {
      // 100 ms left of the caller's own deadline: the attempt gets 95, not the 300 ms timeout.
      TraceContext hurried = TraceContext.root(false).withTimeLeft(100_000_000L);
      assertThat(callFromEventLoop(client, hurried).status()).isEqualTo(Reply.TIMEOUT);
    }
    assertThat(dbEjected()).as("a caller in a hurry says nothing of the instance").isFalse();

    for (int i = 0; i < OutlierEjection.TIMEOUTS_TO_EJECT; i++) {
      assertThat(callFromEventLoop(client).status()).isEqualTo(Reply.TIMEOUT);
    }
    assertThat(dbEjected()).as("whole timeouts in a row do").isTrue();
  }

  @Test
  void anAnswerThatTricklesInPastTheDeadlineTimesOut() {
    DependencyClient client =
        clientOfServer(
            req -> {
              // Never silent for long: an idle timeout would not fire, a deadline does.
              req.response().setChunked(true).write("{\"key\":");
              long timer =
                  fleet
                      .process
                      .vertx()
                      .setPeriodic(TIMEOUT.toMillis() / 6, id -> req.response().write(" "));
              fleet
                  .process
                  .vertx()
                  .setTimer(
                      TIMEOUT.toMillis() * 5,
                      id -> {
                        fleet.process.vertx().cancelTimer(timer);
                        if (!req.response().closed()) {
                          req.response().end("\"k\"}");
                        }
                      });
              req.connection().closeHandler(v -> fleet.process.vertx().cancelTimer(timer));
            });

    long start = System.nanoTime();
    Reply reply = callFromEventLoop(client);
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(reply.status()).isEqualTo(Reply.TIMEOUT);
    assertThat(reply.errorMessage()).contains("no answer within 300 ms");
    assertThat(tookMs)
        .isGreaterThanOrEqualTo(TIMEOUT.toMillis())
        .isLessThan(TIMEOUT.toMillis() * 5);
  }

  @Test
  void aConnectionIdleForLongerThanTheTimeoutIsReusedByTheNextCall() throws Exception {
    DependencyClient client =
        clientOfServer(req -> req.response().end(Buffer.buffer("{\"key\":\"k\",\"found\":true}")));

    assertThat(callFromEventLoop(client).status()).isEqualTo(Reply.OK);
    Thread.sleep(TIMEOUT.toMillis() * 3);
    assertThat(callFromEventLoop(client).status()).isEqualTo(Reply.OK);

    assertThat(callerPorts).hasSize(2);
    assertThat(callerPorts.get(1)).isEqualTo(callerPorts.get(0));
  }
}
