package io.simianviz.service.discovery;

import java.util.List;

/**
 * Where the instances of a tier are. Two implementations share this contract: {@link LocalRegistry}
 * (in-process, for the local runtime) and {@link DnsDiscovery} (per-zone headless Services on
 * Kubernetes). Preference order (same zone first) is applied by {@link CandidateOrder}, so both
 * behave alike.
 */
public interface Discovery {
  /** Every currently known instance of a tier; empty when none. Never blocks. */
  List<Endpoint> instances(String tier);

  /** Announces a started instance. On Kubernetes a ready pod is announced by its Service. */
  void register(Endpoint endpoint);

  /** Withdraws an instance before it stops, so callers stop choosing it. */
  void deregister(Endpoint endpoint);

  /** Stops any background work. */
  default void close() {}
}
