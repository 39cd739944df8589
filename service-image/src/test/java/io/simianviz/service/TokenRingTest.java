package io.simianviz.service;

import static io.simianviz.model.TierPackage.PRIAM_CASSANDRA;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ring routing and cross-zone replication of priamCassandra and self-dependent stores. */
class TokenRingTest {
  @TempDir Path dir;
  Fleet fleet;

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void aWriteThroughAnyNodeIsReadableFromEveryZone() {
    fleet = new Fleet(dir, CallPolicy.defaults());
    List<Nanoservice> nodes =
        List.of(
            fleet.start(Fleet.config("cass", PRIAM_CASSANDRA, "zoneA", "cass:priamCassandra")),
            fleet.start(Fleet.config("cass", PRIAM_CASSANDRA, "zoneA", "cass:priamCassandra")),
            fleet.start(Fleet.config("cass", PRIAM_CASSANDRA, "zoneB", "cass:priamCassandra")),
            fleet.start(Fleet.config("cass", PRIAM_CASSANDRA, "zoneC", "cass:priamCassandra")));

    for (int k = 0; k < 10; k++) {
      Reply put = fleet.call(nodes.get(k % nodes.size()), Request.put("key" + k, "v" + k), null);
      assertThat(put.status()).isEqualTo(200);
      assertThat(put.body().getInteger("replicas")).isEqualTo(2);
    }
    for (Nanoservice node : nodes) {
      for (int k = 0; k < 10; k++) {
        Reply get = fleet.call(node, Request.get("key" + k), null);
        assertThat(get.found()).as("key%d via %s", k, node.config().name()).isTrue();
        assertThat(get.value()).isEqualTo("v" + k);
      }
    }
  }

  @Test
  void aSelfDependentStoreReplicatesToOnePeerPerOtherZone() {
    fleet = new Fleet(dir, CallPolicy.defaults());
    Nanoservice a = fleet.start(Fleet.config("mysql", STORE, "zoneA", "mysql:store"));
    Nanoservice b = fleet.start(Fleet.config("mysql", STORE, "zoneB", "mysql:store"));

    Reply put = fleet.call(a, Request.put("k", "v"), null);

    assertThat(put.body().getInteger("replicas")).isEqualTo(1);
    assertThat(fleet.call(b, Request.get("k"), null).value()).isEqualTo("v");
  }
}
