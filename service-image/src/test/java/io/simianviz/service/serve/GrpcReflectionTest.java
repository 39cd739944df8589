package io.simianviz.service.serve;

import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1alpha.ServerReflectionGrpc;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.simianviz.model.spec.Protocol;
import io.simianviz.service.Fleet;
import io.simianviz.service.call.CallPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server reflection as a grpcurl-style tool uses it, from grpc-java over a grpc-java channel:
 * grpc-java's own v1alpha stub, and the v1 method (grpc-java 1.65 has no v1 stub yet) called with
 * grpc-java's client calls and protobuf marshallers.
 */
class GrpcReflectionTest {
  private static final List<String> SERVICES =
      List.of(
          "simianviz.v1.Nanoservice",
          "grpc.health.v1.Health",
          "grpc.reflection.v1.ServerReflection",
          "grpc.reflection.v1alpha.ServerReflection");

  private static final io.grpc.MethodDescriptor<ServerReflectionRequest, ServerReflectionResponse>
      V1 =
          io.grpc.MethodDescriptor.<ServerReflectionRequest, ServerReflectionResponse>newBuilder()
              .setType(MethodType.BIDI_STREAMING)
              .setFullMethodName("grpc.reflection.v1.ServerReflection/ServerReflectionInfo")
              .setRequestMarshaller(
                  ProtoUtils.marshaller(ServerReflectionRequest.getDefaultInstance()))
              .setResponseMarshaller(
                  ProtoUtils.marshaller(ServerReflectionResponse.getDefaultInstance()))
              .build();

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

  @Test
  void v1alphaListsTheServicesAndDescribesTheNanoservice() throws Exception {
    ReflectionStream<
            io.grpc.reflection.v1alpha.ServerReflectionRequest,
            io.grpc.reflection.v1alpha.ServerReflectionResponse>
        stream = new ReflectionStream<>();
    stream.requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(stream);

    io.grpc.reflection.v1alpha.ServerReflectionResponse list =
        stream.ask(
            io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder()
                .setListServices("")
                .build());
    io.grpc.reflection.v1alpha.ServerReflectionResponse file =
        stream.ask(
            io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol("simianviz.v1.Nanoservice")
                .build());
    stream.requests.onCompleted();

    assertThat(list.getListServicesResponse().getServiceList())
        .extracting(s -> s.getName())
        .containsExactlyElementsOf(SERVICES);
    assertDescribesTheNanoservice(file.getFileDescriptorResponse().getFileDescriptorProtoList());
    assertThat(stream.completed.poll(10, TimeUnit.SECONDS)).isEqualTo(Boolean.TRUE);
  }

  @Test
  void v1ListsTheServicesAndFindsFilesByName() throws Exception {
    ReflectionStream<ServerReflectionRequest, ServerReflectionResponse> stream =
        new ReflectionStream<>();
    stream.requests =
        ClientCalls.asyncBidiStreamingCall(channel.newCall(V1, CallOptions.DEFAULT), stream);

    ServerReflectionResponse list =
        stream.ask(ServerReflectionRequest.newBuilder().setListServices("").build());
    ServerReflectionResponse nanoservice =
        stream.ask(
            ServerReflectionRequest.newBuilder()
                .setFileByFilename("simianviz/v1/nanoservice.proto")
                .build());
    ServerReflectionResponse health =
        stream.ask(
            ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol("grpc.health.v1.Health")
                .build());
    stream.requests.onCompleted();

    assertThat(list.getListServicesResponse().getServiceList())
        .extracting(s -> s.getName())
        .containsExactlyElementsOf(SERVICES);
    assertDescribesTheNanoservice(
        nanoservice.getFileDescriptorResponse().getFileDescriptorProtoList());
    FileDescriptorProto healthFile =
        FileDescriptorProto.parseFrom(health.getFileDescriptorResponse().getFileDescriptorProto(0));
    assertThat(healthFile.getName()).isEqualTo("grpc/health/v1/health.proto");
    assertThat(healthFile.getService(0).getMethodList())
        .extracting(m -> m.getName())
        .contains("Check", "Watch");
    assertThat(stream.completed.poll(10, TimeUnit.SECONDS)).isEqualTo(Boolean.TRUE);
  }

  /** Enough to call the service without its .proto: what grpcurl builds from the same bytes. */
  private static void assertDescribesTheNanoservice(List<ByteString> files) throws Exception {
    assertThat(files).hasSize(1);
    FileDescriptor file =
        FileDescriptor.buildFrom(
            FileDescriptorProto.parseFrom(files.get(0)), new FileDescriptor[0]);
    assertThat(file.getName()).isEqualTo("simianviz/v1/nanoservice.proto");
    MethodDescriptor call = file.findServiceByName("Nanoservice").findMethodByName("Call");
    assertThat(call.getInputType().getFullName()).isEqualTo("simianviz.v1.CallRequest");
    assertThat(call.getOutputType().getFullName()).isEqualTo("simianviz.v1.CallReply");
    assertThat(call.getInputType().findFieldByName("key")).isNotNull();
  }

  /** One bidi stream: each request waits for its answer. */
  private static final class ReflectionStream<Req, Resp> implements StreamObserver<Resp> {
    private final BlockingQueue<Resp> answers = new LinkedBlockingQueue<>();
    final BlockingQueue<Boolean> completed = new LinkedBlockingQueue<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    StreamObserver<Req> requests;

    Resp ask(Req request) throws InterruptedException {
      requests.onNext(request);
      Resp answer = answers.poll(10, TimeUnit.SECONDS);
      assertThat(answer).as("an answer to %s (errors: %s)", request, errors).isNotNull();
      return answer;
    }

    @Override
    public void onNext(Resp value) {
      answers.add(value);
    }

    @Override
    public void onError(Throwable t) {
      errors.add(t);
      completed.add(Boolean.FALSE);
    }

    @Override
    public void onCompleted() {
      completed.add(Boolean.TRUE);
    }
  }
}
