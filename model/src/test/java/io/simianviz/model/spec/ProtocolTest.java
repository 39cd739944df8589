package io.simianviz.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolTest {
  @Test
  void readsEverySpecValueIgnoringCaseAndSpaces() {
    assertThat(Protocol.fromValue("http")).isEqualTo(Protocol.HTTP);
    assertThat(Protocol.fromValue("HTTP2")).isEqualTo(Protocol.HTTP2);
    assertThat(Protocol.fromValue(" grpc ")).isEqualTo(Protocol.GRPC);
  }

  @Test
  void anUnknownValueNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> Protocol.fromValue("h2c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"h2c\" is not a protocol (expected one of http, http2, grpc)");
  }

  @Test
  void aTierWithoutProtocolServesHttp() {
    TierSpec tier = new TierSpec();
    assertThat(Protocol.of(tier)).isEqualTo(Protocol.HTTP);
    tier.setProtocol(Protocol.HTTP2);
    assertThat(Protocol.of(tier)).isEqualTo(Protocol.HTTP2);
  }
}
