package io.simianviz.service.call;

import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.Fleet;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.Reply;
import io.simianviz.service.Request;
import io.simianviz.service.trace.TraceContext;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/1.1 calls beyond a destination's connections and waiting room fail at once, as 503s. */
class PoolFullTest {
  @TempDir Path dir;
  Fleet fleet;

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void callsBeyondTheWaitingRoomFailAtOnceWithoutEjectingTheInstance() {
    fleet =
        new Fleet(
            dir,
            CallPolicy.defaults()
                .withTimeout(Duration.ofSeconds(10))
                .withMaxRetries(0)
                .withMaxConnectionsPerInstance(1));
    fleet.start(Fleet.withServiceTime(Fleet.config("db", STORE, "zoneA"), "constant(20ms)"));
    InstanceConfig web = Fleet.config("web", KARYON, "zoneA", "db:store");
    DependencyClient client = new DependencyClient(fleet.process, web, true);
    int room = Transports.waitingRoom(1);
    int beyond = 5;

    List<Future<Reply>> calls = new ArrayList<>();
    for (int i = 0; i < room + beyond; i++) {
      calls.add(client.call("db", Request.get("k" + i), TraceContext.root(false)));
    }
    List<Reply> replies = calls.stream().map(Fleet::await).toList();

    // The call on the connection is one more than the room, unless the connection was still
    // opening when the room filled: Vert.x counts a connection being opened against the room.
    long answered = replies.stream().filter(r -> r.status() == Reply.OK).count();
    assertThat(answered).isBetween((long) room, room + 1L);
    List<Reply> refused = replies.stream().filter(Reply::isError).toList();
    assertThat(refused).hasSize(room + beyond - (int) answered);
    assertThat(refused)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(Reply.NO_INSTANCE);
              assertThat(r.errorMessage()).startsWith("no connection free for db at 127.0.0.");
            });
    // The instance is busy, not broken: the next call still goes to it.
    assertThat(fleet.process.ejected()).isEmpty();
    assertThat(Fleet.await(client.call("db", Request.get("k"), TraceContext.root(false))).status())
        .isEqualTo(Reply.OK);
  }
}
