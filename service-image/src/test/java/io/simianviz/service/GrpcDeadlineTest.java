package io.simianviz.service;

import static io.simianviz.model.TierPackage.KARYON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.grpc.CallReply;
import io.simianviz.service.grpc.CallRequest;
import io.simianviz.service.grpc.GrpcMessages;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gRPC call's deadline as grpc-java sends it ({@code grpc-timeout}, from {@code
 * withDeadlineAfter}) over a grpc-java channel: the server bounds its own calls by it, and stops
 * the work once it has passed.
 */
class GrpcDeadlineTest {
  private static final MethodDescriptor<CallRequest, CallReply> CALL =
      MethodDescriptor.<CallRequest, CallReply>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("simianviz.v1.Nanoservice/Call")
          .setRequestMarshaller(ProtoUtils.marshaller(CallRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(CallReply.getDefaultInstance()))
          .build();

  @TempDir Path dir;
  Fleet fleet;
  DeadlineFixture db;
  ManagedChannel channel;

  /** A gRPC web tier with this service time, calling db; the channel to it. */
  private void start(String serviceTime) throws InterruptedException {
    fleet = new Fleet(dir, CallPolicy.defaults()).serve("web", Protocol.GRPC);
    db = new DeadlineFixture(fleet);
    Nanoservice web =
        fleet.start(
            Fleet.withServiceTime(Fleet.config("web", KARYON, "zoneA", "db:store"), serviceTime));
    channel =
        Grpc.newChannelBuilderForAddress(
                web.endpoint().host(), web.endpoint().port(), InsecureChannelCredentials.create())
            .build();
    // Connected before the clock starts: a cold channel's set-up could use up a short deadline.
    channel.getState(true);
    Fleet.eventually(
        Duration.ofSeconds(10), () -> channel.getState(true) == ConnectivityState.READY);
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    db.close();
    fleet.close();
  }

  private void callWithDeadline(long ms) {
    ClientCalls.blockingUnaryCall(
        channel,
        CALL,
        CallOptions.DEFAULT.withDeadlineAfter(ms, TimeUnit.MILLISECONDS),
        GrpcMessages.toProto(Request.get("k")));
  }

  @Test
  void theServersCallIsBoundedByTheCallersDeadline() throws Exception {
    start("constant(0ms)");

    assertThatThrownBy(() -> callWithDeadline(300))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));

    Fleet.eventually(Duration.ofSeconds(5), () -> !db.timeLeftMs.isEmpty());
    // Without the deadline the call would have had the policy's 2 s.
    assertThat(db.timeLeftMs.get(0))
        .isGreaterThan(0)
        .isLessThanOrEqualTo(300 - CallPolicy.DEADLINE_MARGIN.toMillis());
  }

  @Test
  void workPastTheDeadlineIsNotDone() throws Exception {
    start("constant(400ms)");

    assertThatThrownBy(() -> callWithDeadline(100))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));

    // The service time ends past the deadline: the server answers, calling nothing.
    Fleet.eventually(
        Duration.ofSeconds(5), () -> fleet.stats(Series.Kind.SERVICE, "web", "GET").count() == 1);
    Thread.sleep(100);
    assertThat(db.timeLeftMs).isEmpty();
    assertThat(fleet.stats(Series.Kind.SERVICE, "web", "GET").errors()).isEqualTo(1);
  }
}
