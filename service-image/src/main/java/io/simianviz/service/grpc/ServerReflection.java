package io.simianviz.service.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.grpc.health.v1.HealthProto;
import io.grpc.reflection.v1.ErrorResponse;
import io.grpc.reflection.v1.ExtensionNumberResponse;
import io.grpc.reflection.v1.ExtensionRequest;
import io.grpc.reflection.v1.FileDescriptorResponse;
import io.grpc.reflection.v1.ListServiceResponse;
import io.grpc.reflection.v1.ServerReflectionProto;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * gRPC server reflection, {@code grpc.reflection.v1.ServerReflection} and its older name {@code
 * grpc.reflection.v1alpha.ServerReflection} (gRPC's reflection.proto, service-image/src/main/proto/
 * grpc/reflection): the services a server has, and the descriptors of the .proto files that define
 * them, found by file name or by the full name of any symbol in them, each with the files it
 * imports. What grpcurl and similar tools use instead of a local copy of the .proto.
 *
 * <p>v1alpha is v1 under its former package name: the same messages with the same fields and
 * numbers, so on the wire they are one protocol and both methods decode and encode with the v1
 * message classes (ServerReflectionTest checks that the two definitions agree field for field).
 */
public final class ServerReflection {
  public static final ServiceMethod<ServerReflectionRequest, ServerReflectionResponse> V1 =
      GrpcMessages.server(
          serviceName(ServerReflectionProto.getDescriptor()),
          "ServerReflectionInfo",
          ServerReflectionRequest.parser());

  public static final ServiceMethod<ServerReflectionRequest, ServerReflectionResponse> V1ALPHA =
      GrpcMessages.server(
          serviceName(io.grpc.reflection.v1alpha.ServerReflectionProto.getDescriptor()),
          "ServerReflectionInfo",
          ServerReflectionRequest.parser());

  /**
   * What a nanoservice serves: simianviz.v1.Nanoservice, the health service and reflection itself.
   */
  public static final ServerReflection NANOSERVICE =
      new ServerReflection(
          List.of(
              NanoserviceProto.getDescriptor(),
              HealthProto.getDescriptor(),
              ServerReflectionProto.getDescriptor(),
              io.grpc.reflection.v1alpha.ServerReflectionProto.getDescriptor()));

  private final List<String> services = new ArrayList<>();
  private final Map<String, FileDescriptor> files = new HashMap<>();
  private final Map<String, ByteString> serialized = new HashMap<>();
  private final Map<String, FileDescriptor> symbols = new HashMap<>();
  private final Set<String> messages = new HashSet<>();
  private final Map<String, Map<Integer, FieldDescriptor>> extensions = new HashMap<>();

  /**
   * @param served the files whose services the server has; the files they import are found too, but
   *     their services are not listed
   */
  public ServerReflection(List<FileDescriptor> served) {
    for (FileDescriptor file : served) {
      file.getServices().forEach(s -> services.add(s.getFullName()));
      index(file);
    }
  }

  /** The full names of the services, in the order of their files. */
  public List<String> services() {
    return List.copyOf(services);
  }

  /** The answer to one request of a ServerReflectionInfo stream. */
  public ServerReflectionResponse answer(ServerReflectionRequest request) {
    ServerReflectionResponse.Builder response =
        ServerReflectionResponse.newBuilder()
            .setValidHost(request.getHost())
            .setOriginalRequest(request);
    return switch (request.getMessageRequestCase()) {
      case FILE_BY_FILENAME ->
          withFile(response, files.get(request.getFileByFilename()), "file not found");
      case FILE_CONTAINING_SYMBOL ->
          withFile(response, symbols.get(request.getFileContainingSymbol()), "symbol not found");
      case FILE_CONTAINING_EXTENSION -> {
        ExtensionRequest e = request.getFileContainingExtension();
        FieldDescriptor extension =
            extensions.getOrDefault(e.getContainingType(), Map.of()).get(e.getExtensionNumber());
        yield withFile(
            response, extension == null ? null : extension.getFile(), "extension not found");
      }
      case ALL_EXTENSION_NUMBERS_OF_TYPE -> {
        String type = request.getAllExtensionNumbersOfType();
        if (!messages.contains(type)) {
          yield withError(response, GrpcStatus.NOT_FOUND, "type not found");
        }
        yield response
            .setAllExtensionNumbersResponse(
                ExtensionNumberResponse.newBuilder()
                    .setBaseTypeName(type)
                    .addAllExtensionNumber(extensions.getOrDefault(type, Map.of()).keySet()))
            .build();
      }
      case LIST_SERVICES -> {
        ListServiceResponse.Builder list = ListServiceResponse.newBuilder();
        services.forEach(s -> list.addService(ServiceResponse.newBuilder().setName(s)));
        yield response.setListServicesResponse(list).build();
      }
      case MESSAGEREQUEST_NOT_SET ->
          withError(response, GrpcStatus.UNIMPLEMENTED, "no request this server knows");
    };
  }

  private static ServiceName serviceName(FileDescriptor file) {
    return ServiceName.create(file.findServiceByName("ServerReflection").getFullName());
  }

  /** A file and every file it imports, each once, the file first. */
  private ServerReflectionResponse withFile(
      ServerReflectionResponse.Builder response, FileDescriptor file, String notFound) {
    if (file == null) {
      return withError(response, GrpcStatus.NOT_FOUND, notFound);
    }
    Set<FileDescriptor> seen = new LinkedHashSet<>();
    Deque<FileDescriptor> todo = new ArrayDeque<>(List.of(file));
    while (!todo.isEmpty()) {
      FileDescriptor next = todo.removeFirst();
      if (seen.add(next)) {
        todo.addAll(next.getDependencies());
      }
    }
    FileDescriptorResponse.Builder descriptors = FileDescriptorResponse.newBuilder();
    for (FileDescriptor f : seen) {
      descriptors.addFileDescriptorProto(serialized.get(f.getName()));
    }
    return response.setFileDescriptorResponse(descriptors).build();
  }

  private static ServerReflectionResponse withError(
      ServerReflectionResponse.Builder response, GrpcStatus code, String message) {
    return response
        .setErrorResponse(
            ErrorResponse.newBuilder().setErrorCode(code.code).setErrorMessage(message))
        .build();
  }

  private void index(FileDescriptor file) {
    if (files.putIfAbsent(file.getName(), file) != null) {
      return;
    }
    serialized.put(file.getName(), file.toProto().toByteString());
    file.getDependencies().forEach(this::index);
    for (ServiceDescriptor service : file.getServices()) {
      symbol(service);
      service.getMethods().forEach(this::symbol);
    }
    file.getMessageTypes().forEach(this::index);
    file.getEnumTypes().forEach(this::index);
    file.getExtensions().forEach(this::extension);
  }

  private void index(Descriptor message) {
    symbol(message);
    messages.add(message.getFullName());
    message.getFields().forEach(this::symbol);
    message.getNestedTypes().forEach(this::index);
    message.getEnumTypes().forEach(this::index);
    message.getExtensions().forEach(this::extension);
  }

  private void index(EnumDescriptor type) {
    symbol(type);
    // In .proto scoping, enum values are siblings of their enum (simianviz.v1.PUT, not
    // simianviz.v1.Op.PUT as protobuf-java names them).
    String scope = type.getFullName().substring(0, type.getFullName().lastIndexOf('.') + 1);
    type.getValues().forEach(v -> symbols.putIfAbsent(scope + v.getName(), type.getFile()));
  }

  private void extension(FieldDescriptor extension) {
    symbol(extension);
    extensions
        .computeIfAbsent(extension.getContainingType().getFullName(), t -> new TreeMap<>())
        .put(extension.getNumber(), extension);
  }

  private void symbol(GenericDescriptor descriptor) {
    symbols.putIfAbsent(descriptor.getFullName(), descriptor.getFile());
  }
}
