package io.simianviz.service.behaviour;

import io.simianviz.model.TierPackage;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.call.DependencyClient;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * staash, the data access layer. A GET asks its dependency tiers in spigo's order (caches, volumes,
 * token rings, stores) until one has the key, then fills the tiers that missed; spigo swallowed a
 * miss, here it falls through to the next tier and ends in "not found" only when every tier missed.
 * A failing tier is skipped like a miss, but if nothing was found and some tier failed the reply is
 * that error. A PUT writes the storage tiers, then updates the caches; it fails when a storage
 * write fails.
 */
final class DataAccessBehaviour implements Behaviour {
  private final DependencyClient client;
  private final List<String> readOrder;
  private final List<String> caches;
  private final List<String> storage;

  DataAccessBehaviour(InstanceConfig config, DependencyClient client) {
    this.client = client;
    Map<String, TierPackage> deps = config.dependencies();
    this.readOrder =
        deps.keySet().stream().sorted(Comparator.comparingInt(t -> rank(deps.get(t)))).toList();
    this.caches = readOrder.stream().filter(t -> deps.get(t) == TierPackage.CACHE).toList();
    List<String> rest = readOrder.stream().filter(t -> deps.get(t) != TierPackage.CACHE).toList();
    this.storage = rest.isEmpty() ? caches : rest;
  }

  private static int rank(TierPackage pkg) {
    return switch (pkg) {
      case CACHE -> 0;
      case VOLUME -> 1;
      case PRIAM_CASSANDRA, RIAK -> 2;
      case STORE -> 3;
      default -> 4;
    };
  }

  @Override
  public Future<Reply> handle(Request request, TraceContext span) {
    if (readOrder.isEmpty()) {
      return Future.succeededFuture(Reply.ok(new JsonObject().put("found", false)));
    }
    return request.op() == Request.Op.GET
        ? read(request, span, 0, new ArrayList<>(), null)
        : write(request, span);
  }

  private Future<Reply> read(
      Request request, TraceContext span, int index, List<String> missed, Reply lastError) {
    if (index == readOrder.size()) {
      return Future.succeededFuture(
          lastError != null ? lastError : Reply.ok(new JsonObject().put("found", false)));
    }
    String tier = readOrder.get(index);
    return client
        .call(tier, request, span)
        .compose(
            reply -> {
              if (reply.isError()) {
                return read(request, span, index + 1, missed, reply);
              }
              if (!reply.found()) {
                missed.add(tier);
                return read(request, span, index + 1, missed, lastError);
              }
              return fill(missed, Request.put(request.key(), reply.value()), span).map(reply);
            });
  }

  /** Writes a found value back to the tiers that missed; their failures are counted, not fatal. */
  private Future<Void> fill(List<String> missed, Request put, TraceContext span) {
    List<Future<Reply>> fills = new ArrayList<>();
    missed.forEach(tier -> fills.add(client.call(tier, put, span)));
    return Future.all(fills).mapEmpty();
  }

  private Future<Reply> write(Request request, TraceContext span) {
    List<Future<Reply>> writes = new ArrayList<>();
    storage.forEach(tier -> writes.add(client.call(tier, request, span)));
    return Future.all(writes)
        .compose(
            all -> {
              for (Future<Reply> w : writes) {
                if (w.result().isError()) {
                  return Future.succeededFuture(w.result());
                }
              }
              List<String> toUpdate = caches.stream().filter(c -> !storage.contains(c)).toList();
              return fill(toUpdate, request, span).map(writes.get(0).result());
            });
  }
}
