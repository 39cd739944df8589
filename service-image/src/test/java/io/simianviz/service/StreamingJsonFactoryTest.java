package io.simianviz.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import io.vertx.core.json.jackson.JacksonCodec;
import org.junit.jupiter.api.Test;

class StreamingJsonFactoryTest {
  @Test
  void vertxUsesTheStreamingCodecThoughDatabindIsOnTheClassPath() {
    assertThat(Json.CODEC).isInstanceOf(JacksonCodec.class).isNotInstanceOf(DatabindCodec.class);
  }

  @Test
  void repliesStillRoundTrip() {
    JsonObject reply = new JsonObject().put("found", true).put("value", "v").put("p50", 1.5);
    assertThat(new JsonObject(reply.encode())).isEqualTo(reply);
  }
}
