package io.simianviz.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-process registry of the local runtime, spigo's eureka without the poll: registration is
 * visible to callers at once. Reads are lock-free snapshots; writes are rare (start, stop, chaos).
 */
public final class LocalRegistry implements Discovery {
  private final Map<String, CopyOnWriteArrayList<Endpoint>> byTier = new ConcurrentHashMap<>();

  @Override
  public List<Endpoint> instances(String tier) {
    List<Endpoint> endpoints = byTier.get(tier);
    return endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  @Override
  public void register(Endpoint endpoint) {
    var endpoints = byTier.computeIfAbsent(endpoint.tier(), t -> new CopyOnWriteArrayList<>());
    endpoints.removeIf(e -> e.instance().equals(endpoint.instance()));
    endpoints.add(endpoint);
  }

  @Override
  public void deregister(Endpoint endpoint) {
    List<Endpoint> endpoints = byTier.get(endpoint.tier());
    if (endpoints != null) {
      endpoints.removeIf(e -> e.instance().equals(endpoint.instance()));
    }
  }

  /** Number of registered instances of a tier. */
  public int count(String tier) {
    List<Endpoint> endpoints = byTier.get(tier);
    return endpoints == null ? 0 : endpoints.size();
  }
}
