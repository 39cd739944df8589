package io.simianviz.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;
import io.grpc.reflection.v1.ExtensionRequest;
import io.grpc.reflection.v1.ServerReflectionProto;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServerReflectionResponse.MessageResponseCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerReflectionTest {
  private static final ServerReflection REFLECTION = ServerReflection.NANOSERVICE;

  @Test
  void listsEveryServiceTheNanoserviceServes() {
    ServerReflectionResponse response =
        REFLECTION.answer(ServerReflectionRequest.newBuilder().setListServices("*").build());

    assertThat(response.getListServicesResponse().getServiceList())
        .extracting(s -> s.getName())
        .containsExactly(
            "simianviz.v1.Nanoservice",
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");
  }

  @Test
  void findsTheFileOfAnySymbolInIt() throws Exception {
    for (String symbol :
        List.of(
            "simianviz.v1.Nanoservice",
            "simianviz.v1.Nanoservice.Call",
            "simianviz.v1.CallRequest",
            "simianviz.v1.CallRequest.key",
            "simianviz.v1.Op",
            "simianviz.v1.PUT")) {
      assertThat(files(answer(fileContainingSymbol(symbol))))
          .as(symbol)
          .extracting(FileDescriptorProto::getName)
          .containsExactly("simianviz/v1/nanoservice.proto");
    }
    assertThat(
            files(answer(fileContainingSymbol("grpc.health.v1.HealthCheckResponse.ServingStatus"))))
        .extracting(FileDescriptorProto::getName)
        .containsExactly("grpc/health/v1/health.proto");
  }

  @Test
  void findsFilesByName() throws Exception {
    for (String name :
        List.of(
            "simianviz/v1/nanoservice.proto",
            "grpc/health/v1/health.proto",
            "grpc/reflection/v1/reflection.proto",
            "grpc/reflection/v1alpha/reflection.proto")) {
      List<FileDescriptorProto> files =
          files(answer(ServerReflectionRequest.newBuilder().setFileByFilename(name).build()));
      assertThat(files).extracting(FileDescriptorProto::getName).containsExactly(name);
    }
  }

  @Test
  void answersNotFoundForWhatItDoesNotHaveAndEchoesTheRequest() {
    ServerReflectionRequest request =
        ServerReflectionRequest.newBuilder()
            .setHost("localhost:8080")
            .setFileContainingSymbol("simianviz.v1.Nothing")
            .build();

    ServerReflectionResponse response = answer(request);

    assertThat(response.getValidHost()).isEqualTo("localhost:8080");
    assertThat(response.getOriginalRequest()).isEqualTo(request);
    assertThat(response.getErrorResponse().getErrorCode()).isEqualTo(5); // NOT_FOUND
    assertThat(
            answer(ServerReflectionRequest.newBuilder().setFileByFilename("no.proto").build())
                .getErrorResponse()
                .getErrorCode())
        .isEqualTo(5);
    assertThat(
            answer(ServerReflectionRequest.newBuilder().setAllExtensionNumbersOfType("x.Y").build())
                .getErrorResponse()
                .getErrorCode())
        .isEqualTo(5);
    assertThat(
            answer(ServerReflectionRequest.getDefaultInstance()).getErrorResponse().getErrorCode())
        .isEqualTo(12); // UNIMPLEMENTED
  }

  @Test
  void findsExtensionsAndTheFilesAFileImports() throws Exception {
    // base.proto: message Base { extensions 100 to 199; }   ext.proto imports it and extends Base.
    FileDescriptorProto baseProto =
        FileDescriptorProto.newBuilder()
            .setName("test/base.proto")
            .setPackage("test")
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("Base")
                    .addExtensionRange(
                        DescriptorProto.ExtensionRange.newBuilder().setStart(100).setEnd(200)))
            .build();
    FileDescriptorProto extProto =
        FileDescriptorProto.newBuilder()
            .setName("test/ext.proto")
            .setPackage("test")
            .addDependency("test/base.proto")
            .addExtension(
                FieldDescriptorProto.newBuilder()
                    .setName("weight")
                    .setNumber(101)
                    .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
                    .setType(FieldDescriptorProto.Type.TYPE_INT32)
                    .setExtendee(".test.Base"))
            .build();
    FileDescriptor base = FileDescriptor.buildFrom(baseProto, new FileDescriptor[0]);
    FileDescriptor ext = FileDescriptor.buildFrom(extProto, new FileDescriptor[] {base});
    ServerReflection reflection = new ServerReflection(List.of(ext));

    ServerReflectionResponse byExtension =
        reflection.answer(
            ServerReflectionRequest.newBuilder()
                .setFileContainingExtension(
                    ExtensionRequest.newBuilder()
                        .setContainingType("test.Base")
                        .setExtensionNumber(101))
                .build());
    ServerReflectionResponse numbers =
        reflection.answer(
            ServerReflectionRequest.newBuilder().setAllExtensionNumbersOfType("test.Base").build());

    assertThat(files(byExtension))
        .extracting(FileDescriptorProto::getName)
        .containsExactly("test/ext.proto", "test/base.proto");
    assertThat(numbers.getAllExtensionNumbersResponse().getBaseTypeName()).isEqualTo("test.Base");
    assertThat(numbers.getAllExtensionNumbersResponse().getExtensionNumberList())
        .containsExactly(101);
    assertThat(
            reflection
                .answer(
                    ServerReflectionRequest.newBuilder()
                        .setFileContainingExtension(
                            ExtensionRequest.newBuilder()
                                .setContainingType("test.Base")
                                .setExtensionNumber(102))
                        .build())
                .getErrorResponse()
                .getErrorCode())
        .isEqualTo(5);
  }

  /**
   * Both reflection methods decode and encode with the v1 classes: right only while the v1alpha
   * messages are the v1 messages under another package name, field for field.
   */
  @Test
  void v1alphaIsV1UnderAnotherName() {
    FileDescriptor v1 = ServerReflectionProto.getDescriptor();
    FileDescriptor v1alpha = io.grpc.reflection.v1alpha.ServerReflectionProto.getDescriptor();

    assertThat(v1alpha.getMessageTypes())
        .extracting(Descriptor::getName)
        .containsExactlyElementsOf(v1.getMessageTypes().stream().map(Descriptor::getName).toList());
    for (Descriptor message : v1.getMessageTypes()) {
      assertThat(asV1(v1alpha.findMessageTypeByName(message.getName()).toProto()))
          .as(message.getName())
          .isEqualTo(TextFormat.printer().printToString(message.toProto()));
    }
    assertThat(asV1(v1alpha.findServiceByName("ServerReflection").toProto()))
        .isEqualTo(
            TextFormat.printer().printToString(v1.findServiceByName("ServerReflection").toProto()));
  }

  private static String asV1(com.google.protobuf.Message v1alpha) {
    return TextFormat.printer()
        .printToString(v1alpha)
        .replace(".grpc.reflection.v1alpha.", ".grpc.reflection.v1.");
  }

  private static ServerReflectionRequest fileContainingSymbol(String symbol) {
    return ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build();
  }

  private static ServerReflectionResponse answer(ServerReflectionRequest request) {
    return REFLECTION.answer(request);
  }

  private static List<FileDescriptorProto> files(ServerReflectionResponse response)
      throws InvalidProtocolBufferException {
    assertThat(response.getMessageResponseCase())
        .as("%s", response.getErrorResponse())
        .isEqualTo(MessageResponseCase.FILE_DESCRIPTOR_RESPONSE);
    List<FileDescriptorProto> files = new ArrayList<>();
    for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
      files.add(FileDescriptorProto.parseFrom(bytes));
    }
    return files;
  }
}
