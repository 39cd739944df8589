package io.simianviz.service.serve;

import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.health.v1.HealthListRequest;
import io.grpc.health.v1.HealthListResponse;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.Fleet;
import io.simianviz.service.call.CallPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard gRPC health service, called by grpc-java's own health stub over a grpc-java channel
 * (Netty, not Vert.x): what grpc_health_probe, Kubernetes' grpc probes and service meshes do.
 */
class GrpcHealthTest {
  private static final String NANOSERVICE = "simianviz.v1.Nanoservice";

  @TempDir Path dir;
  Fleet fleet;
  Nanoservice db;
  ManagedChannel channel;

  @BeforeEach
  void start() {
    fleet = new Fleet(dir, CallPolicy.defaults()).serve("db", Protocol.GRPC);
    db = fleet.start(Fleet.config("db", STORE, "zoneA"));
    channel =
        Grpc.newChannelBuilderForAddress(
                db.endpoint().host(), db.endpoint().port(), InsecureChannelCredentials.create())
            .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    fleet.close();
  }

  private HealthGrpc.HealthBlockingStub health() {
    return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static HealthCheckRequest service(String name) {
    return HealthCheckRequest.newBuilder().setService(name).build();
  }

  @Test
  void theServerAndTheNanoserviceAreServingAndOtherNamesAreNotFound() {
    assertThat(health().check(service("")).getStatus()).isEqualTo(ServingStatus.SERVING);
    assertThat(health().check(service(NANOSERVICE)).getStatus()).isEqualTo(ServingStatus.SERVING);
    assertThatThrownBy(() -> health().check(service("simianviz.v1.Other")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).contains("simianviz.v1.Other");
            });
  }

  /** List is newer than grpc-java 1.65's stub: grpc-java's client call and marshallers. */
  @Test
  void listHasTheServerAndTheNanoservice() {
    MethodDescriptor<HealthListRequest, HealthListResponse> list =
        MethodDescriptor.<HealthListRequest, HealthListResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("grpc.health.v1.Health/List")
            .setRequestMarshaller(ProtoUtils.marshaller(HealthListRequest.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(HealthListResponse.getDefaultInstance()))
            .build();

    HealthListResponse statuses =
        ClientCalls.blockingUnaryCall(
            channel,
            list,
            CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
            HealthListRequest.getDefaultInstance());

    assertThat(statuses.getStatusesMap()).containsOnlyKeys("", NANOSERVICE);
    assertThat(statuses.getStatusesMap().values())
        .extracting(HealthCheckResponse::getStatus)
        .containsOnly(ServingStatus.SERVING);
  }

  @Test
  void healthCallsAreNotRequests() {
    health().check(service(""));

    assertThat(fleet.get(db, "/stats")).doesNotContain("\"kind\":\"service\"");
  }

  @Test
  void watchSendsServingThenNotServingWhenTheInstanceStopsGracefully() throws Exception {
    Watch watch = watch("");
    assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);

    Fleet.await(db.stop());

    assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
  }

  @Test
  void watchOfAnUnknownNameAnswersServiceUnknownAndACancelledWatchIsForgotten() throws Exception {
    Watch unknown = watch("simianviz.v1.Other");
    Watch known = watch(NANOSERVICE);
    assertThat(unknown.next()).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
    assertThat(known.next()).isEqualTo(ServingStatus.SERVING);
    assertThat(db.healthWatchers()).isEqualTo(2);

    unknown.cancel();
    known.cancel();

    Fleet.eventually(Duration.ofSeconds(10), () -> db.healthWatchers() == 0);
  }

  private Watch watch(String name) {
    Watch watch = new Watch();
    HealthGrpc.newStub(channel).watch(service(name), watch);
    return watch;
  }

  /** The statuses a Watch call receives. */
  private static final class Watch
      implements ClientResponseObserver<HealthCheckRequest, HealthCheckResponse> {
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private volatile ClientCallStreamObserver<HealthCheckRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<HealthCheckRequest> requestStream) {
      call = requestStream;
    }

    @Override
    public void onNext(HealthCheckResponse value) {
      received.add(value.getStatus());
    }

    @Override
    public void onError(Throwable t) {
      received.add(t);
    }

    @Override
    public void onCompleted() {
      received.add("completed");
    }

    Object next() throws InterruptedException {
      Object next = received.poll(10, TimeUnit.SECONDS);
      assertThat(next).as("the next thing the Watch call received").isNotNull();
      return next;
    }

    void cancel() {
      call.cancel("the test is done watching", null);
    }
  }
}
