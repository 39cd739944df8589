package io.simianviz.service.discovery;

import io.simianviz.model.pod.DiscoveryEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discovery on Kubernetes: each group of a dependency (a tier in a region and zone) is the DNS name
 * of a headless Service whose A records are the group's ready pods, as listed by the operator in
 * {@link DiscoveryEntry} form. Names are re-resolved on an interval (spigo's eureka poll), off the
 * event loop since the JDK resolver blocks; callers read the last answer and never wait.
 */
public final class DnsDiscovery implements Discovery {
  /** Blocking name lookup; the JDK resolver by default, a table in tests. */
  @FunctionalInterface
  public interface Resolver {
    List<String> resolve(String host) throws UnknownHostException;
  }

  private final Vertx vertx;
  private final Map<String, List<DiscoveryEntry>> groups = new LinkedHashMap<>();
  private final int port;
  private final Resolver resolver;
  private final Map<String, List<Endpoint>> resolved = new ConcurrentHashMap<>();
  private final long timerId;

  /**
   * @param entries where each dependency's groups are found
   * @param port the port every dependency pod listens on
   */
  public DnsDiscovery(
      Vertx vertx, List<DiscoveryEntry> entries, int port, Duration interval, Resolver resolver) {
    this.vertx = vertx;
    entries.forEach(e -> groups.computeIfAbsent(e.tier(), t -> new ArrayList<>()).add(e));
    this.port = port;
    this.resolver = resolver;
    this.timerId = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> refresh());
  }

  /** The JDK resolver, reading every address of a name. */
  public static Resolver systemResolver() {
    return host ->
        Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).toList();
  }

  @Override
  public List<Endpoint> instances(String tier) {
    return resolved.getOrDefault(tier, List.of());
  }

  @Override
  public void register(Endpoint endpoint) {
    // A pod is announced by its readiness probe through the Service; nothing to do here.
  }

  @Override
  public void deregister(Endpoint endpoint) {
    // Kubernetes removes a terminating pod from the Service's endpoints.
  }

  /** Re-resolves every dependency; completes when the answers are in. */
  public Future<Void> refresh() {
    return vertx.executeBlocking(
        () -> {
          groups.forEach((tier, entries) -> resolved.put(tier, resolve(tier, entries)));
          return null;
        },
        false);
  }

  private List<Endpoint> resolve(String tier, List<DiscoveryEntry> entries) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (DiscoveryEntry entry : entries) {
      try {
        for (String ip : resolver.resolve(entry.service())) {
          endpoints.add(
              new Endpoint(ip + ":" + port, tier, entry.region(), entry.zone(), ip, port));
        }
      } catch (UnknownHostException e) {
        // No such Service, or no ready pod in it: that group has no instance right now.
      }
    }
    return List.copyOf(endpoints);
  }

  @Override
  public void close() {
    vertx.cancelTimer(timerId);
  }
}
