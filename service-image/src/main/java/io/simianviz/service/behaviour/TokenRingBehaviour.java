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
 * priamCassandra, riak: a token ring per zone. A node serves a key it owns and forwards any other
 * to the owner in its zone (one hop: a forwarded request is served where it lands, so a membership
 * change cannot make it loop). The owner of a PUT copies it to the owner in every other zone and,
 * when the tier depends on eureka, in every other region. If the owner cannot be reached the node
 * serves the request itself, as a replica would.
 */
final class TokenRingBehaviour implements Behaviour {
  private final ProcessContext process;
  private final InstanceConfig config;
  private final DependencyClient client;
  private final Predicate<Endpoint> isSelf;
  private final KeyValueStore store;

  TokenRingBehaviour(
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
    List<Endpoint> members = process.discovery().instances(config.tier());
    if (!request.forwarded() && !request.replica()) {
      Endpoint owner = Ring.owner(Ring.localGroup(members, config), request.key());
      if (owner != null && !isSelf.test(owner)) {
        return client
            .callInstance(owner, request.asForwarded(), span)
            .compose(r -> r.isError() ? serve(request, members, span) : Future.succeededFuture(r));
      }
    }
    return serve(request, members, span);
  }

  private Future<Reply> serve(Request request, List<Endpoint> members, TraceContext span) {
    Reply local = store.serve(request);
    if (request.op() != Request.Op.PUT || request.replica()) {
      return Future.succeededFuture(local);
    }
    List<Endpoint> others = members.stream().filter(isSelf.negate()).toList();
    List<Future<Reply>> copies = new ArrayList<>();
    for (Endpoint target :
        Ring.replicaTargets(others, config, config.crossRegion(), request.key())) {
      copies.add(client.callInstance(target, request.asReplica(), span));
    }
    return Future.all(copies).map(all -> Reply.ok(local.body().put("replicas", copies.size())));
  }
}
