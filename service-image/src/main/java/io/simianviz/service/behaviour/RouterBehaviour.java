package io.simianviz.service.behaviour;

import io.simianviz.model.spec.Fanout;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.call.DependencyClient;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * zuul, karyon, monolith, elb (and a denominator asked directly): pass the request on. With {@code
 * fanout: one} (spigo's behaviour) each request goes to one instance of one dependency tier, the
 * tiers taken in turn; with {@code fanout: all} to one instance of every dependency tier at once. A
 * router without dependencies answers by itself, as a leaf.
 */
final class RouterBehaviour implements Behaviour {
  private final InstanceConfig config;
  private final DependencyClient client;
  private final List<String> tiers;
  private int next;

  RouterBehaviour(InstanceConfig config, DependencyClient client) {
    this.config = config;
    this.client = client;
    this.tiers = config.dependencyTiers();
  }

  @Override
  public Future<Reply> handle(Request request, TraceContext span) {
    if (tiers.isEmpty()) {
      return Future.succeededFuture(Reply.ok(new JsonObject().put("found", false)));
    }
    if (config.fanout() == Fanout.ONE || tiers.size() == 1) {
      String tier = tiers.get(Math.floorMod(next++, tiers.size()));
      return client.call(tier, request, span);
    }
    List<Future<Reply>> calls = new ArrayList<>(tiers.size());
    for (String tier : tiers) {
      calls.add(client.call(tier, request, span));
    }
    return Future.all(calls).map(all -> combine(all.list()));
  }

  /** The first error if any call failed, else found when any tier found the key. */
  private static Reply combine(List<Reply> replies) {
    Reply found = null;
    for (Reply r : replies) {
      if (r.isError()) {
        return r;
      }
      if (found == null && r.found()) {
        found = r;
      }
    }
    return found != null ? found : Reply.ok(new JsonObject().put("found", false));
  }
}
