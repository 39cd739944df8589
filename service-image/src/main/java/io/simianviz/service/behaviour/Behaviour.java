package io.simianviz.service.behaviour;

import io.simianviz.model.TierPackage;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.call.DependencyClient;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import java.util.function.Predicate;

/** What a package does with one request. Implementations never block. */
public interface Behaviour {
  /**
   * Handles a request.
   *
   * @param span this hop's trace context, the parent of every call made for it
   * @return the reply; a failed future is turned into an error reply by the server
   */
  Future<Reply> handle(Request request, TraceContext span);

  /**
   * The behaviour of a package.
   *
   * @param isSelf tells this instance's own endpoint apart in discovery answers
   */
  static Behaviour forPackage(
      ProcessContext process,
      InstanceConfig config,
      DependencyClient client,
      Predicate<Endpoint> isSelf) {
    return switch (config.pkg().role()) {
      case TRAFFIC_SOURCE, LOAD_BALANCER, ROUTER, REGISTRY -> new RouterBehaviour(config, client);
      case DATA_ACCESS -> new DataAccessBehaviour(config, client);
      case KEY_VALUE -> new KeyValueBehaviour(process, config, client, isSelf);
      case TOKEN_RING -> new TokenRingBehaviour(process, config, client, isSelf);
    };
  }

  /** Load balancers and traffic sources spread over zones; everything else prefers its own. */
  static boolean zoneAffinity(TierPackage pkg) {
    return pkg.role() != TierPackage.Role.LOAD_BALANCER
        && pkg.role() != TierPackage.Role.TRAFFIC_SOURCE;
  }
}
