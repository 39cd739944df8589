package io.simianviz.service.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class TraceContextTest {
  @Test
  void readsW3cTraceparent() {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    TraceContext ctx = TraceContext.fromHeaders(headers);

    assertThat(ctx.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(ctx.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(ctx.sampled()).isTrue();
    assertThat(ctx.child().traceId()).isEqualTo(ctx.traceId());
    assertThat(ctx.child().spanId()).isNotEqualTo(ctx.spanId()).hasSize(16);
  }

  @Test
  void acceptsB3HeadersAndPadsShortTraceIds() {
    MultiMap multi =
        MultiMap.caseInsensitiveMultiMap()
            .add("X-B3-TraceId", "a3ce929d0e0e4736")
            .add("X-B3-SpanId", "00f067aa0ba902b7")
            .add("X-B3-Sampled", "0");
    MultiMap single =
        MultiMap.caseInsensitiveMultiMap()
            .add("b3", "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1");

    TraceContext fromMulti = TraceContext.fromHeaders(multi);
    TraceContext fromSingle = TraceContext.fromHeaders(single);

    assertThat(fromMulti.traceId()).isEqualTo("0000000000000000a3ce929d0e0e4736");
    assertThat(fromMulti.sampled()).isFalse();
    assertThat(fromSingle.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(fromSingle.traceparent())
        .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  }

  @Test
  void rejectsMalformedOrAllZeroIds() {
    assertThat(TraceContext.parseTraceparent("00-xyz-00f067aa0ba902b7-01")).isNull();
    assertThat(
            TraceContext.parseTraceparent(
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(TraceContext.fromHeaders(MultiMap.caseInsensitiveMultiMap())).isNull();
  }
}
