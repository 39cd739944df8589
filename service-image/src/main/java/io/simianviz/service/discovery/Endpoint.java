package io.simianviz.service.discovery;

import java.util.List;

/**
 * One reachable instance of a tier as discovery knows it.
 *
 * @param instance the instance name (local registry) or {@code ip:port} (DNS, where pod names are
 *     not in A records)
 * @param port where the instance takes every kind of call
 * @param loopPorts empty, or one port per event loop of the process the instance runs in, each
 *     served on that loop: a caller on loop k calls the k-th ({@link
 *     io.simianviz.service.discovery.LoopAffinity}); {@code port} is one of them
 */
public record Endpoint(
    String instance,
    String tier,
    String region,
    String zone,
    String host,
    int port,
    List<Integer> loopPorts) {

  public Endpoint {
    loopPorts = List.copyOf(loopPorts);
  }

  /** An instance with one port, as every pod has. */
  public Endpoint(String instance, String tier, String region, String zone, String host, int port) {
    this(instance, tier, region, zone, host, port, List.of());
  }

  public String address() {
    return host + ":" + port;
  }
}
