package io.simianviz.service;

import io.simianviz.api.model.DnsNames;
import io.simianviz.api.topology.Instance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discovery on Kubernetes: each (tier, zone) has a headless Service {@code
 * <arch>-<tier-kebab>-<zone-kebab>} whose A records are the ready pods. Names are re-resolved on an
 * interval (spigo's eureka poll), off the event loop since the JDK resolver blocks; callers read
 * the last answer and never wait. A tier without per-zone Services (an elb, a zone-less tier) is
 * looked up by its tier Service {@code <arch>-<tier-kebab>}.
 */
public final class DnsDiscovery implements Discovery {
  /** Blocking name lookup; the JDK resolver by default, a table in tests. */
  @FunctionalInterface
  public interface Resolver {
    List<String> resolve(String host) throws UnknownHostException;
  }

  private final Vertx vertx;
  private final String arch;
  private final String region;
  private final List<String> zones;
  private final int port;
  private final Resolver resolver;
  private final Set<String> watched = ConcurrentHashMap.newKeySet();
  private final Map<String, List<Endpoint>> resolved = new ConcurrentHashMap<>();
  private final long timerId;

  /**
   * @param region the region of the caller; DNS names carry no region, so every answer is placed in
   *     it
   * @param port the port every pod of the architecture listens on
   */
  public DnsDiscovery(
      Vertx vertx,
      String arch,
      String region,
      List<String> zones,
      int port,
      Duration interval,
      Resolver resolver) {
    this.vertx = vertx;
    this.arch = arch;
    this.region = region;
    this.zones = List.copyOf(zones);
    this.port = port;
    this.resolver = resolver;
    this.timerId = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> refresh());
  }

  /** The JDK resolver, reading every address of a name. */
  public static Resolver systemResolver() {
    return host ->
        Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).toList();
  }

  /** The headless Service name of a tier in a zone. */
  public String serviceName(String tier, String zone) {
    return DnsNames.join(
        DnsNames.MAX_LABEL,
        DnsNames.sanitize(arch, DnsNames.MAX_LABEL),
        DnsNames.kebab(tier),
        DnsNames.kebab(zone));
  }

  /** The tier-wide Service name, used when a tier has no per-zone Services. */
  public String tierServiceName(String tier) {
    return DnsNames.join(
        DnsNames.MAX_LABEL, DnsNames.sanitize(arch, DnsNames.MAX_LABEL), DnsNames.kebab(tier));
  }

  /** Starts watching tiers and resolves them now; completes when the first answers are in. */
  public Future<Void> watch(List<String> tiers) {
    watched.addAll(tiers);
    return refresh();
  }

  @Override
  public List<Endpoint> instances(String tier) {
    if (watched.add(tier)) {
      refresh();
    }
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

  /** Re-resolves every watched tier. */
  public Future<Void> refresh() {
    List<String> tiers = List.copyOf(watched);
    return vertx.executeBlocking(
        () -> {
          for (String tier : tiers) {
            resolved.put(tier, resolveTier(tier));
          }
          return null;
        },
        false);
  }

  private List<Endpoint> resolveTier(String tier) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (String zone : zones) {
      addAll(endpoints, tier, zone, serviceName(tier, zone));
    }
    if (endpoints.isEmpty()) {
      addAll(endpoints, tier, Instance.ANY, tierServiceName(tier));
    }
    return List.copyOf(endpoints);
  }

  private void addAll(List<Endpoint> out, String tier, String zone, String name) {
    try {
      for (String ip : resolver.resolve(name)) {
        out.add(new Endpoint(ip + ":" + port, tier, region, zone, ip, port));
      }
    } catch (UnknownHostException e) {
      // No such Service, or no ready pod in it: that zone has no instance right now.
    }
  }

  @Override
  public void close() {
    vertx.cancelTimer(timerId);
  }
}
