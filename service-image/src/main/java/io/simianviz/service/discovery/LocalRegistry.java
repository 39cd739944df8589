package io.simianviz.service.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process registry of the local runtime, spigo's eureka without the poll: registration is
 * visible to callers at once. Each tier's instances are an immutable snapshot, replaced on every
 * write (start, stop, chaos: rare) and handed out as is, so callers can keep work derived from a
 * snapshot until it is replaced ({@link CandidateOrder#isFor}).
 */
public final class LocalRegistry implements Discovery {
  private final Map<String, List<Endpoint>> byTier = new ConcurrentHashMap<>();

  @Override
  public List<Endpoint> instances(String tier) {
    return byTier.getOrDefault(tier, List.of());
  }

  @Override
  public void register(Endpoint endpoint) {
    byTier.merge(
        endpoint.tier(),
        List.of(endpoint),
        (old, added) -> {
          List<Endpoint> next = new ArrayList<>(old.size() + 1);
          old.stream().filter(e -> !e.instance().equals(endpoint.instance())).forEach(next::add);
          next.add(endpoint);
          return List.copyOf(next);
        });
  }

  @Override
  public void deregister(Endpoint endpoint) {
    byTier.computeIfPresent(
        endpoint.tier(),
        (tier, old) ->
            old.stream().filter(e -> !e.instance().equals(endpoint.instance())).toList());
  }

  /** Number of registered instances of a tier. */
  public int count(String tier) {
    return instances(tier).size();
  }
}
