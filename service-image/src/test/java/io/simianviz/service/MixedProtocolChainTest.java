package io.simianviz.service;

import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.STORE;
import static io.simianviz.model.TierPackage.ZUUL;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * front (http) -> api (grpc) -> db (http2): each caller speaks the protocol of the tier it calls,
 * and errors cross the gRPC hop with their status intact.
 */
class MixedProtocolChainTest {
  @TempDir Path dir;
  Fleet fleet;
  Nanoservice front;
  Nanoservice api;

  @BeforeEach
  void startFrontAndApi() {
    fleet =
        new Fleet(dir, CallPolicy.defaults())
            .serve("front", Protocol.HTTP)
            .serve("api", Protocol.GRPC)
            .serve("db", Protocol.HTTP2);
    api = fleet.start(Fleet.config("api", KARYON, "zoneA", "db:store"));
    front = fleet.start(Fleet.config("front", ZUUL, "zoneA", "api:karyon"));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void aWriteAndReadCrossEveryProtocolAndEachHopIsTracedWithItsOwn() throws Exception {
    fleet.start(Fleet.config("db", STORE, "zoneA"));
    assertThat(fleet.call(front, Request.put("k", "v"), null).status()).isEqualTo(200);
    TraceContext root = TraceContext.root(true);

    Reply read = fleet.call(front, Request.get("k"), root.traceparent());

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.value()).isEqualTo("v");
    assertThat(read.body().getString("tier")).isEqualTo("db");
    Fleet.eventually(Duration.ofSeconds(10), () -> spansOf(root).size() == 3);
    Map<String, JsonObject> byTier =
        spansOf(root).stream()
            .collect(
                Collectors.toMap(
                    s -> s.getJsonObject("localEndpoint").getString("serviceName"),
                    Function.identity()));
    assertThat(byTier.get("front").getString("parentId")).isEqualTo(root.spanId());
    assertThat(byTier.get("api").getString("parentId"))
        .isEqualTo(byTier.get("front").getString("id"));
    assertThat(byTier.get("db").getString("parentId")).isEqualTo(byTier.get("api").getString("id"));
    assertThat(protocolOf(byTier.get("front"))).isEqualTo("http");
    assertThat(protocolOf(byTier.get("api"))).isEqualTo("grpc");
    assertThat(protocolOf(byTier.get("db"))).isEqualTo("http2");
    assertThat(fleet.stats(Series.Kind.EDGE, "front", "api").count()).isEqualTo(2);
    assertThat(fleet.stats(Series.Kind.EDGE, "api", "db").count()).isEqualTo(2);
  }

  @Test
  void noInstanceBehindTheGrpcTierComesBackAs503AndIsCountedOnBothEdges() {
    int requests = 4;
    for (int i = 0; i < requests; i++) {
      Reply reply = fleet.call(front, Request.get("k" + i), null);

      assertThat(reply.status()).isEqualTo(Reply.NO_INSTANCE);
      assertThat(reply.errorMessage()).contains("no instance of tier db");
    }

    assertThat(fleet.stats(Series.Kind.EDGE, "api", "db").errors()).isEqualTo(requests);
    assertThat(fleet.stats(Series.Kind.EDGE, "front", "api").errors()).isEqualTo(requests);
    assertThat(fleet.stats(Series.Kind.SERVICE, "front", "GET").errors()).isEqualTo(requests);
  }

  @Test
  void aGrpcRequestWithoutKeyIsAnInvalidArgumentAndCounted() {
    Reply reply = fleet.call(api, new Request(Request.Op.GET, "", null, false, false), null);

    assertThat(reply.status()).isEqualTo(Reply.BAD_REQUEST);
    assertThat(reply.errorMessage()).isEqualTo("bad request: key is required");
    assertThat(fleet.stats(Series.Kind.SERVICE, "api", "INVALID").count()).isEqualTo(1);
  }

  @Test
  void theGrpcTierAnswersAnUnknownMethodWithUnimplementedAndStillServesHttp() {
    assertThat(Fleet.await(fleet.caller().callMissingMethod(api.endpoint())))
        .isEqualTo(GrpcStatus.UNIMPLEMENTED);
    assertThat(fleet.get(api, "/health/ready")).startsWith("200 ");
    assertThat(fleet.get(api, "/request?key=absent")).startsWith("503 ");
  }

  private static String protocolOf(JsonObject span) {
    return span.getJsonObject("tags").getString("protocol");
  }

  private List<JsonObject> spansOf(TraceContext root) {
    try {
      return fleet.spans().stream()
          .filter(s -> s.getString("traceId").equals(root.traceId()))
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
