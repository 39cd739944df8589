package io.simianviz.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DNS discovery against a resolver table instead of a cluster's DNS. */
class DnsDiscoveryTest {
  final Vertx vertx = Vertx.vertx();
  final Map<String, List<String>> records = new ConcurrentHashMap<>();
  final DnsDiscovery.Resolver table =
      host -> {
        List<String> ips = records.get(host);
        if (ips == null || ips.isEmpty()) {
          throw new UnknownHostException(host);
        }
        return ips;
      };

  @AfterEach
  void close() {
    Fleet.await(vertx.close());
  }

  @Test
  void resolvesPerTierPerZoneServicesAndNoticesChanges() throws Exception {
    DnsDiscovery dns =
        new DnsDiscovery(
            vertx,
            "netflixoss",
            "us-east-1",
            List.of("zoneA", "zoneB"),
            8080,
            Duration.ofMillis(50),
            table);
    assertThat(dns.serviceName("cassSubscriber", "zoneA"))
        .isEqualTo("netflixoss-cass-subscriber-zone-a");
    records.put("netflixoss-cass-subscriber-zone-a", List.of("127.0.0.5"));
    records.put("netflixoss-cass-subscriber-zone-b", List.of("127.0.0.6", "127.0.0.7"));

    Fleet.await(dns.watch(List.of("cassSubscriber")));

    assertThat(dns.instances("cassSubscriber"))
        .extracting(Endpoint::zone, Endpoint::address)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("zoneA", "127.0.0.5:8080"),
            org.assertj.core.groups.Tuple.tuple("zoneB", "127.0.0.6:8080"),
            org.assertj.core.groups.Tuple.tuple("zoneB", "127.0.0.7:8080"));

    records.remove("netflixoss-cass-subscriber-zone-a");
    Fleet.eventually(Duration.ofSeconds(5), () -> dns.instances("cassSubscriber").size() == 2);
    List<Endpoint> ordered =
        CandidateOrder.order(dns.instances("cassSubscriber"), "us-east-1", "zoneA", true, 0);
    assertThat(ordered).extracting(Endpoint::zone).containsOnly("zoneB");
    dns.close();
  }

  @Test
  void aTierWithoutZoneServicesIsFoundByItsTierService() throws Exception {
    DnsDiscovery dns =
        new DnsDiscovery(
            vertx, "lamp", "us-east-1", List.of("zoneA"), 8080, Duration.ofSeconds(30), table);
    records.put("lamp-webserver-elb", List.of("127.0.0.9"));

    Fleet.await(dns.watch(List.of("webserver-elb", "missing")));

    assertThat(dns.instances("webserver-elb"))
        .singleElement()
        .satisfies(e -> assertThat(e.zone()).isEqualTo("*"));
    assertThat(dns.instances("missing")).isEmpty();
    dns.close();
  }
}
