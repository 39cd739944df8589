package io.simianviz.service.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.simianviz.model.pod.DiscoveryEntry;
import io.simianviz.service.Fleet;
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
  void resolvesEachGroupsServiceAndNoticesChanges() throws Exception {
    DnsDiscovery dns =
        new DnsDiscovery(
            vertx,
            DiscoveryEntry.parseAll(
                "cassSubscriber/us-east-1/zoneA=n-cass-a,cassSubscriber/us-east-1/zoneB=n-cass-b"),
            8080,
            Duration.ofMillis(50),
            table);
    records.put("n-cass-a", List.of("127.0.0.5"));
    records.put("n-cass-b", List.of("127.0.0.6", "127.0.0.7"));

    Fleet.await(dns.refresh());

    assertThat(dns.instances("cassSubscriber"))
        .extracting(Endpoint::zone, Endpoint::address)
        .containsExactlyInAnyOrder(
            tuple("zoneA", "127.0.0.5:8080"),
            tuple("zoneB", "127.0.0.6:8080"),
            tuple("zoneB", "127.0.0.7:8080"));

    records.remove("n-cass-a");
    Fleet.eventually(Duration.ofSeconds(5), () -> dns.instances("cassSubscriber").size() == 2);
    List<Endpoint> ordered =
        CandidateOrder.order(dns.instances("cassSubscriber"), "us-east-1", "zoneA", true, 0);
    assertThat(ordered).extracting(Endpoint::zone).containsOnly("zoneB");
    dns.close();
  }

  @Test
  void groupsKeepTheirRegionSoCallersPreferTheirOwn() throws Exception {
    DnsDiscovery dns =
        new DnsDiscovery(
            vertx,
            DiscoveryEntry.parseAll(
                "cass/us-east-1/zoneA=n-cass-east-a,cass/eu-west-1/zoneA=n-cass-west-a"),
            8080,
            Duration.ofSeconds(30),
            table);
    records.put("n-cass-east-a", List.of("127.0.0.5"));
    records.put("n-cass-west-a", List.of("127.0.0.6"));

    Fleet.await(dns.refresh());

    List<Endpoint> ordered =
        CandidateOrder.order(dns.instances("cass"), "eu-west-1", "zoneA", true, 0);
    assertThat(ordered)
        .extracting(Endpoint::region, Endpoint::host)
        .containsExactly(tuple("eu-west-1", "127.0.0.6"), tuple("us-east-1", "127.0.0.5"));
    dns.close();
  }

  @Test
  void anElbIsOneVirtualAddressAndAnUnknownTierHasNoInstances() throws Exception {
    DnsDiscovery dns =
        new DnsDiscovery(
            vertx,
            DiscoveryEntry.parseAll("webserver-elb/*/*=lamp-webserver-elb,missing/*/*=nowhere"),
            8080,
            Duration.ofSeconds(30),
            table);
    records.put("lamp-webserver-elb", List.of("127.0.0.9"));

    Fleet.await(dns.refresh());

    assertThat(dns.instances("webserver-elb"))
        .singleElement()
        .satisfies(e -> assertThat(e.zone()).isEqualTo("*"));
    assertThat(dns.instances("missing")).isEmpty();
    assertThat(dns.instances("unlisted")).isEmpty();
    dns.close();
  }
}
