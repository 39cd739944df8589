package io.simianviz.service.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.spec.Protocol;
import io.vertx.core.MultiMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The time left on the wire: gRPC's standard header and ours for JSON. */
class DeadlineHeadersTest {
  private static long read(Protocol protocol, String name, String value) {
    return DeadlineHeaders.remainingNanos(
        MultiMap.caseInsensitiveMultiMap().add(name, value), protocol);
  }

  @Test
  void grpcTimeoutsInEveryUnitAreRead() {
    assertThat(read(Protocol.GRPC, "grpc-timeout", "1H")).isEqualTo(TimeUnit.HOURS.toNanos(1));
    assertThat(read(Protocol.GRPC, "grpc-timeout", "2M")).isEqualTo(TimeUnit.MINUTES.toNanos(2));
    assertThat(read(Protocol.GRPC, "grpc-timeout", "3S")).isEqualTo(TimeUnit.SECONDS.toNanos(3));
    assertThat(read(Protocol.GRPC, "grpc-timeout", "99999999m"))
        .isEqualTo(TimeUnit.MILLISECONDS.toNanos(99_999_999));
    assertThat(read(Protocol.GRPC, "grpc-timeout", "5u")).isEqualTo(5_000);
    assertThat(read(Protocol.GRPC, "grpc-timeout", "6n")).isEqualTo(6);
  }

  @Test
  void malformedOrAbsentValuesAreNoDeadline() {
    for (String bad : new String[] {"", "m", "12", "1x", "-1m", "123456789m"}) {
      assertThat(read(Protocol.GRPC, "grpc-timeout", bad)).as(bad).isEqualTo(DeadlineHeaders.NONE);
    }
    assertThat(read(Protocol.HTTP, DeadlineHeaders.JSON, "soon")).isEqualTo(DeadlineHeaders.NONE);
    assertThat(read(Protocol.HTTP, "other", "5")).isEqualTo(DeadlineHeaders.NONE);
    // Each protocol reads its own header only.
    assertThat(read(Protocol.GRPC, DeadlineHeaders.JSON, "5")).isEqualTo(DeadlineHeaders.NONE);
    assertThat(read(Protocol.HTTP2, "grpc-timeout", "5m")).isEqualTo(DeadlineHeaders.NONE);
  }

  @Test
  void jsonTimeLeftIsWholeMillisecondsAndNeverNegative() {
    assertThat(read(Protocol.HTTP2, DeadlineHeaders.JSON, "250"))
        .isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    assertThat(read(Protocol.HTTP, DeadlineHeaders.JSON, "-3")).isZero();
    assertThat(DeadlineHeaders.json(TimeUnit.MICROSECONDS.toNanos(2_999))).isEqualTo("2");
    assertThat(DeadlineHeaders.json(-5)).isEqualTo("0");
  }

  @Test
  void grpcTimeLeftIsWrittenInTheFinestUnitThatFitsAndReadsBack() {
    assertThat(DeadlineHeaders.grpc(42)).isEqualTo("42n");
    assertThat(DeadlineHeaders.grpc(TimeUnit.SECONDS.toNanos(2))).isEqualTo("2000000u");
    assertThat(DeadlineHeaders.grpc(TimeUnit.HOURS.toNanos(2))).isEqualTo("7200000m");
    assertThat(DeadlineHeaders.grpc(-1)).isEqualTo("0n");
    long nanos = TimeUnit.MILLISECONDS.toNanos(1_234);
    assertThat(DeadlineHeaders.parseGrpc(DeadlineHeaders.grpc(nanos))).isEqualTo(nanos);
  }
}
