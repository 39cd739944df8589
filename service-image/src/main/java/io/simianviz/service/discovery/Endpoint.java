package io.simianviz.service.discovery;

/**
 * One reachable instance of a tier as discovery knows it.
 *
 * @param instance the instance name (local registry) or {@code ip:port} (DNS, where pod names are
 *     not in A records)
 */
public record Endpoint(
    String instance, String tier, String region, String zone, String host, int port) {

  public String address() {
    return host + ":" + port;
  }
}
