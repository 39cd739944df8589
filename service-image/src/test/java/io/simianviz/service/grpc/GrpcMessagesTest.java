package io.simianviz.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class GrpcMessagesTest {
  @Test
  void requestsSurviveTheMessageUnchanged() {
    for (Request r :
        new Request[] {
          Request.get("k"),
          Request.put("k", "v"),
          Request.put("k", "").asReplica().asForwarded(),
          Request.get("k").asForwarded()
        }) {
      assertThat(GrpcMessages.toRequest(GrpcMessages.toProto(r))).isEqualTo(r);
    }
  }

  @Test
  void aMessageWithoutOpIsAGetAndOneWithoutKeyIsRejected() {
    assertThat(GrpcMessages.toRequest(CallRequest.newBuilder().setKey("k").build()))
        .isEqualTo(Request.get("k"));
    assertThatThrownBy(() -> GrpcMessages.toRequest(CallRequest.newBuilder().build()))
        .hasMessage("key is required");
    assertThatThrownBy(
            () ->
                GrpcMessages.toRequest(CallRequest.newBuilder().setOpValue(7).setKey("k").build()))
        .hasMessage("op must be GET or PUT, not 7");
    assertThatThrownBy(() -> GrpcMessages.toRequest(null))
        .hasMessage("the message is not a simianviz.v1.CallRequest");
  }

  @Test
  void aReplyBodyBecomesTheMessageFieldsAndComesBackAsTheSameJson() {
    JsonObject body =
        new JsonObject()
            .put("found", true)
            .put("value", "v")
            .put("instance", "a.us-east-1.zoneA.db00")
            .put("tier", "db")
            .put("payload", "xxxx")
            .put("replicas", 0);

    CallReply message = GrpcMessages.toProto(Reply.ok(body));
    Reply back = GrpcMessages.toReply(message);

    assertThat(message.getStatus()).isEqualTo(200);
    assertThat(message.getTier()).isEqualTo("db");
    assertThat(back).isEqualTo(Reply.ok(body));
  }

  @Test
  void aMissLeavesValueAndReplicasOut() {
    JsonObject body = new JsonObject().put("found", false).put("instance", "i").put("tier", "t");

    Reply back = GrpcMessages.toReply(GrpcMessages.toProto(Reply.ok(body)));

    assertThat(back.body()).isEqualTo(body);
    assertThat(back.found()).isFalse();
    assertThat(back.value()).isNull();
  }
}
