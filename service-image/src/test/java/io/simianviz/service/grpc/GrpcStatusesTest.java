package io.simianviz.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.Reply;
import io.vertx.core.MultiMap;
import io.vertx.grpc.common.GrpcStatus;
import org.junit.jupiter.api.Test;

class GrpcStatusesTest {
  @Test
  void everyReplyStatusHasTheCodeAGrpcClientExpects() {
    assertThat(GrpcStatuses.toGrpc(Reply.OK)).isEqualTo(GrpcStatus.OK);
    assertThat(GrpcStatuses.toGrpc(Reply.BAD_REQUEST)).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
    assertThat(GrpcStatuses.toGrpc(Reply.INJECTED_ERROR)).isEqualTo(GrpcStatus.INTERNAL);
    assertThat(GrpcStatuses.toGrpc(Reply.DEPENDENCY_FAILED)).isEqualTo(GrpcStatus.UNAVAILABLE);
    assertThat(GrpcStatuses.toGrpc(Reply.NO_INSTANCE)).isEqualTo(GrpcStatus.UNAVAILABLE);
    assertThat(GrpcStatuses.toGrpc(Reply.TIMEOUT)).isEqualTo(GrpcStatus.DEADLINE_EXCEEDED);
    assertThat(GrpcStatuses.toGrpc(418)).isEqualTo(GrpcStatus.UNKNOWN);
  }

  @Test
  void withoutTheTrailerTheCodeDecidesTheStatus() {
    assertThat(GrpcStatuses.toReply(GrpcStatus.UNAVAILABLE, "down", null).status())
        .isEqualTo(Reply.NO_INSTANCE);
    assertThat(GrpcStatuses.toReply(GrpcStatus.DEADLINE_EXCEEDED, "slow", null).status())
        .isEqualTo(Reply.TIMEOUT);
    assertThat(GrpcStatuses.toReply(GrpcStatus.INVALID_ARGUMENT, "no key", null).status())
        .isEqualTo(Reply.BAD_REQUEST);
    assertThat(GrpcStatuses.toReply(GrpcStatus.INTERNAL, "boom", null).status())
        .isEqualTo(Reply.INJECTED_ERROR);
    assertThat(GrpcStatuses.toReply(GrpcStatus.UNIMPLEMENTED, "no such method", null).status())
        .isEqualTo(Reply.DEPENDENCY_FAILED);
  }

  @Test
  void theTrailerKeepsTheExactStatusAndTheMessageBecomesTheError() {
    MultiMap trailers = MultiMap.caseInsensitiveMultiMap().add("Simianviz-Status", "502");

    Reply reply = GrpcStatuses.toReply(GrpcStatus.UNAVAILABLE, "db refused", trailers);

    assertThat(reply.status()).isEqualTo(Reply.DEPENDENCY_FAILED);
    assertThat(reply.isError()).isTrue();
    assertThat(reply.errorMessage()).isEqualTo("db refused");
  }

  @Test
  void aBrokenTrailerOrMissingMessageFallsBackToTheCode() {
    MultiMap trailers = MultiMap.caseInsensitiveMultiMap().add("simianviz-status", "200");
    assertThat(GrpcStatuses.toReply(GrpcStatus.DEADLINE_EXCEEDED, null, trailers).status())
        .isEqualTo(Reply.TIMEOUT);
    trailers.set("simianviz-status", "soon");
    Reply reply = GrpcStatuses.toReply(GrpcStatus.UNAVAILABLE, "", trailers);
    assertThat(reply.status()).isEqualTo(Reply.NO_INSTANCE);
    assertThat(reply.errorMessage()).isEqualTo("gRPC status UNAVAILABLE");
  }

  @Test
  void messagesAreEncodedAsTheSpecSaysAndNoMore() {
    assertThat(GrpcStatuses.encodeMessage("bad request: key is required (a/b)"))
        .isEqualTo("bad request: key is required (a/b)");
    assertThat(GrpcStatuses.encodeMessage("100% a+b\né")).isEqualTo("100%25 a%2Bb%0A%C3%A9");
  }
}
