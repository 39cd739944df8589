package io.simianviz.service.grpc;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;

/**
 * The gRPC method {@code simianviz.v1.Nanoservice/Call} (service-image/src/main/proto) and the
 * translation between its messages and our {@link Request} and {@link Reply}.
 */
public final class GrpcMessages {
  public static final ServiceName SERVICE = ServiceName.create("simianviz.v1", "Nanoservice");
  public static final String METHOD = "Call";

  /** The method as a server sees it: decodes requests, encodes replies. */
  public static final ServiceMethod<CallRequest, CallReply> SERVER_CALL =
      ServiceMethod.server(
          SERVICE,
          METHOD,
          GrpcMessageEncoder.encoder(),
          GrpcMessageDecoder.decoder(CallRequest.parser()));

  /** The method as a client sees it: encodes requests, decodes replies. */
  public static final ServiceMethod<CallReply, CallRequest> CLIENT_CALL =
      ServiceMethod.client(
          SERVICE,
          METHOD,
          GrpcMessageEncoder.encoder(),
          GrpcMessageDecoder.decoder(CallReply.parser()));

  private GrpcMessages() {}

  /** A protobuf method as a server sees it: decodes requests with the parser, encodes replies. */
  static <Req, Resp extends MessageLite> ServiceMethod<Req, Resp> server(
      ServiceName service, String method, Parser<Req> requests) {
    return ServiceMethod.server(
        service, method, GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(requests));
  }

  public static CallRequest toProto(Request request) {
    CallRequest.Builder b =
        CallRequest.newBuilder()
            .setOp(request.op() == Request.Op.PUT ? Op.PUT : Op.GET)
            .setKey(request.key())
            .setReplica(request.replica())
            .setForwarded(request.forwarded());
    if (request.value() != null) {
      b.setValue(request.value());
    }
    return b.build();
  }

  /**
   * Reads a decoded request.
   *
   * @param message null when the payload was not a CallRequest
   * @throws IllegalArgumentException naming what is wrong, as {@link Request#fromJson} does
   */
  public static Request toRequest(CallRequest message) {
    if (message == null) {
      throw new IllegalArgumentException("the message is not a simianviz.v1.CallRequest");
    }
    if (message.getOp() != Op.GET && message.getOp() != Op.PUT) {
      throw new IllegalArgumentException("op must be GET or PUT, not " + message.getOpValue());
    }
    if (message.getKey().isEmpty()) {
      throw new IllegalArgumentException("key is required");
    }
    return new Request(
        message.getOp() == Op.PUT ? Request.Op.PUT : Request.Op.GET,
        message.getKey(),
        message.hasValue() ? message.getValue() : null,
        message.getReplica(),
        message.getForwarded());
  }

  /** A successful reply as a message; its body fields become the message's fields. */
  public static CallReply toProto(Reply reply) {
    JsonObject body = reply.body();
    CallReply.Builder b =
        CallReply.newBuilder()
            .setStatus(reply.status())
            .setFound(body.getBoolean("found", false))
            .setTier(body.getString("tier", ""))
            .setInstance(body.getString("instance", ""))
            .setPayload(body.getString("payload", ""));
    if (body.getString("value") != null) {
      b.setValue(body.getString("value"));
    }
    if (body.getInteger("replicas") != null) {
      b.setReplicas(body.getInteger("replicas"));
    }
    return b.build();
  }

  /** A reply message back as the reply a JSON call would have given. */
  public static Reply toReply(CallReply message) {
    JsonObject body =
        new JsonObject()
            .put("found", message.getFound())
            .put("instance", message.getInstance())
            .put("tier", message.getTier());
    if (message.hasValue()) {
      body.put("value", message.getValue());
    }
    if (message.hasReplicas()) {
      body.put("replicas", message.getReplicas());
    }
    if (!message.getPayload().isEmpty()) {
      body.put("payload", message.getPayload());
    }
    return new Reply(message.getStatus() == 0 ? Reply.OK : message.getStatus(), body);
  }
}
