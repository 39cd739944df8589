package io.simianviz.service.behaviour;

import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.call.DependencyClient;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * store, cache, volume: a leaf key-value store in memory. A tier that lists itself as a dependency
 * replicates each PUT to one peer in every other zone (and other regions when connected through
 * eureka); the reply waits for the copies so a successful PUT is readable in every zone, but a
 * failed copy does not fail the write (it is counted on the edge).
 */
final class KeyValueBehaviour implements Behaviour {
  private final ProcessContext process;
  private final InstanceConfig config;
  private final DependencyClient client;
  private final Predicate<Endpoint> isSelf;
  private final KeyValueStore store;

  KeyValueBehaviour(
      ProcessContext process,
      InstanceConfig config,
      DependencyClient client,
      Predicate<Endpoint> isSelf) {
    this.process = process;
    this.config = config;
    this.client = client;
    this.isSelf = isSelf;
    this.store = new KeyValueStore(config.hitRate());
  }

  @Override
  public Future<Reply> handle(Request request, TraceContext span) {
    Reply local = store.serve(request);
    if (request.op() != Request.Op.PUT || request.replica() || !config.selfDependent()) {
      return Future.succeededFuture(local);
    }
    List<Endpoint> peers =
        process.discovery().instances(config.tier()).stream().filter(isSelf.negate()).toList();
    List<Future<Reply>> copies = new ArrayList<>();
    for (Endpoint peer : Ring.replicaTargets(peers, config, config.crossRegion(), request.key())) {
      copies.add(client.callInstance(peer, request.asReplica(), span));
    }
    return Future.all(copies)
        .map(all -> local.body().put("replicas", (int) copies.size()))
        .map(body -> Reply.ok(body));
  }
}
