package io.simianviz.service.grpc;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthListRequest;
import io.grpc.health.v1.HealthListResponse;
import io.grpc.health.v1.HealthProto;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;

/**
 * The methods of the standard gRPC health service {@code grpc.health.v1.Health} as a server sees
 * them, with the message classes protoc generates from gRPC's own health.proto
 * (service-image/src/main/proto/grpc/health/v1).
 */
public final class HealthMethods {
  public static final ServiceName SERVICE =
      ServiceName.create(HealthProto.getDescriptor().findServiceByName("Health").getFullName());

  public static final ServiceMethod<HealthCheckRequest, HealthCheckResponse> CHECK =
      GrpcMessages.server(SERVICE, "Check", HealthCheckRequest.parser());

  /** Server streaming: the current status, then every change. */
  public static final ServiceMethod<HealthCheckRequest, HealthCheckResponse> WATCH =
      GrpcMessages.server(SERVICE, "Watch", HealthCheckRequest.parser());

  public static final ServiceMethod<HealthListRequest, HealthListResponse> LIST =
      GrpcMessages.server(SERVICE, "List", HealthListRequest.parser());

  private HealthMethods() {}
}
