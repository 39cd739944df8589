package io.simianviz.service.serve;

import static io.simianviz.model.TierPackage.KARYON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.service.Fleet;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.discovery.LocalRegistry;
import io.simianviz.service.discovery.LoopAffinity;
import io.simianviz.service.trace.SpanExporter;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance started on a process's event loops listens once per loop, each port served on its
 * loop, and its calls go to the port of the loop they are made on: a request stays on one thread.
 */
class LoopListenersTest {
  @TempDir Path dir;
  private Vertx vertx;
  private final List<Context> loops = new CopyOnWriteArrayList<>();
  private ProcessContext process;
  private final LocalRegistry registry = new LocalRegistry();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void twoMarkedLoops() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    vertx
        .deployVerticle(
            () ->
                new AbstractVerticle() {
                  @Override
                  public void start() {
                    synchronized (loops) {
                      LoopAffinity.markCurrentLoop(loops.size());
                      loops.add(context);
                    }
                  }
                },
            new DeploymentOptions().setInstances(2))
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    process =
        new ProcessContext(
            vertx,
            registry,
            CallPolicy.defaults(),
            new SpanExporter.Options(
                dir.resolve("spans.json"), null, null, 1000, 100, Duration.ofMillis(50)),
            0.0);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void eachPortIsServedOnItsLoopAndCallsGoToTheCallersLoop() throws Exception {
    // A store that notes the loop each call reached it on, one port per loop as an instance has.
    List<Integer> storeSawLoops = new CopyOnWriteArrayList<>();
    List<Integer> storePorts = new ArrayList<>();
    for (Context loop : loops) {
      storePorts.add(on(loop, () -> fakeStore(storeSawLoops)).actualPort());
    }
    registry.register(
        new Endpoint(
            "store-0", "store", "us-east-1", "zoneA", "127.0.0.1", storePorts.get(0), storePorts));
    Nanoservice karyon =
        on(
            loops.get(1),
            () ->
                Nanoservice.start(
                    process, Fleet.config("karyon", KARYON, "zoneA", "store:store"), loops));

    Endpoint at = karyon.endpoint();
    assertThat(at.loopPorts()).hasSize(2).doesNotHaveDuplicates();
    assertThat(at.port()).as("the port on the loop it started on").isEqualTo(at.loopPorts().get(1));
    for (int loop = 0; loop < 2; loop++) {
      storeSawLoops.clear();
      for (int i = 0; i < 5; i++) {
        assertThat(get(at.loopPorts().get(loop))).isEqualTo(200);
      }
      assertThat(storeSawLoops).as("calls made from loop " + loop).containsOnly(loop).hasSize(5);
    }

    on(loops.get(1), karyon::crash);
    // A client of its own: the shared one may still pool a connection the crash closed, and a call
    // on it fails as a closed connection before the client has seen the close.
    try (HttpClient fresh = HttpClient.newHttpClient()) {
      for (int port : at.loopPorts()) {
        assertThatThrownBy(() -> get(fresh, port)).isInstanceOf(ConnectException.class);
      }
    }
  }

  @Test
  void withoutLoopsAnInstanceListensOnce() throws Exception {
    Nanoservice store =
        on(loops.get(0), () -> Nanoservice.start(process, Fleet.config("store", KARYON, "zoneA")));
    assertThat(store.endpoint().loopPorts()).isEmpty();
    assertThat(get(store.endpoint().port())).isEqualTo(200);
  }

  private Future<HttpServer> fakeStore(List<Integer> sawLoops) {
    return vertx
        .createHttpServer()
        .requestHandler(
            req -> {
              sawLoops.add(LoopAffinity.currentLoop());
              req.response()
                  .putHeader("content-type", "application/json")
                  .end(
                      "{\"found\":true,\"key\":\"k\",\"value\":\"v\",\"instance\":\"store-0\",\"tier\":\"store\"}");
            })
        .listen(0, "127.0.0.1");
  }

  private int get(int port) throws IOException, InterruptedException {
    return get(http, port);
  }

  private static int get(HttpClient client, int port) throws IOException, InterruptedException {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/request?key=k"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static <T> T on(Context context, java.util.function.Supplier<Future<T>> action)
      throws Exception {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(done));
    return done.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
