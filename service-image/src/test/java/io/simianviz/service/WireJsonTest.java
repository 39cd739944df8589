package io.simianviz.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests written and read without JsonObject, replies kept as the bytes they came as. */
class WireJsonTest {
  @Test
  void aRequestIsWrittenAsItsJsonAndReadBackTheSame() {
    for (Request r :
        List.of(
            Request.get("k1"),
            Request.put("k2", "v2"),
            Request.put("k3", "v3").asReplica(),
            Request.get("k4").asForwarded(),
            Request.put("quote\"back\\slash", "line\nbreak é"))) {
      assertThat(new JsonObject(r.toBuffer())).isEqualTo(r.toJson());
      assertThat(Request.fromJson(r.toBuffer())).isEqualTo(r);
    }
  }

  @Test
  void anyOtherBodyReadsAsJsonObjectReadsIt() {
    for (String body :
        List.of(
            "{ \"op\" : \"put\", \"key\" : \"k\", \"value\" : \"v\" }",
            "{\"key\":\"k\"}",
            "{\"op\":\"get\",\"key\":\"k\",\"extra\":1}",
            "{\"op\":\"GET\",\"key\":\"k\",\"replica\":false,\"forwarded\":true}")) {
      assertThat(Request.fromJson(Buffer.buffer(body)))
          .isEqualTo(Request.fromJson(new JsonObject(body)));
    }
    assertThatThrownBy(() -> Request.fromJson(Buffer.buffer("{\"op\":\"DELETE\",\"key\":\"k\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op must be GET or PUT, not DELETE");
    assertThatThrownBy(() -> Request.fromJson(Buffer.buffer("{\"op\":\"GET\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key is required");
    assertThatThrownBy(() -> Request.fromJson(Buffer.buffer("not json")))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void aReplyFromTheWireIsReadOnlyWhenLookedInto() {
    Buffer json =
        Buffer.buffer("{\"found\":true,\"value\":\"v\",\"instance\":\"i\",\"tier\":\"t\"}");
    Reply reply = Reply.fromWire(200, json);
    assertThat(reply.found()).isTrue();
    assertThat(reply.wireKeyAt(Reply.keyBytes("instance"))).isPositive();
    assertThat(reply.wireKeyAt(Reply.keyBytes("payload"))).isNegative();
    assertThat(reply.toBuffer()).isSameAs(json);
    assertThat(reply.value()).isEqualTo("v");
    assertThat(reply.wire()).isNull();
    assertThat(reply).isEqualTo(Reply.ok(new JsonObject(json)));
    // A value that spells a key is inside a string, so its quotes are escaped: not a key.
    Reply tricky = Reply.fromWire(200, Buffer.buffer("{\"value\":\"\\\"found\\\":true\"}"));
    assertThat(tricky.found()).isFalse();
    assertThat(Reply.fromWire(502, Buffer.buffer("Bad Gateway")).errorMessage())
        .isEqualTo("Bad Gateway");
    assertThat(Reply.fromWire(200, Buffer.buffer()).body()).isEqualTo(new JsonObject());
  }
}
