package io.simianviz.operator.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HttpTrafficStatsClientTest {
  private final HttpTrafficStatsClient client = new HttpTrafficStatsClient(Duration.ofSeconds(2));

  @Test
  void readsTheTrafficObjectOfStats() throws IOException {
    try (StatsServer server = new StatsServer()) {
      server.answer(StatsServer.trafficStats(2000, 20, 0.99, 1.25, 9.5));

      assertThat(client.read("127.0.0.1", server.port()))
          .isEqualTo(new TrafficReading(2000, 20, 0.99, 1.25, 9.5));
    }
  }

  @Test
  void readsTheSettledCountersBesideTheSummary() throws IOException {
    Histogram latency = io.simianviz.model.chaos.TrafficReading.newHistogram();
    latency.recordValue(1500);
    latency.recordValue(2500);
    try (StatsServer server = new StatsServer()) {
      server.answer(
          StatsServer.settledStats(
              new io.simianviz.model.chaos.TrafficReading(
                  1_700_000_000_000L, 5, 2, 0, 3, latency)));

      io.simianviz.model.chaos.TrafficReading settled =
          client.read("127.0.0.1", server.port()).settled();
      assertThat(settled.throughMillis()).isEqualTo(1_700_000_000_000L);
      assertThat(List.of(settled.sent(), settled.answered(), settled.errors(), settled.lost()))
          .containsExactly(5L, 2L, 0L, 3L);
      assertThat(settled.latencyMicros().getTotalCount()).isEqualTo(2);
    }
  }

  @Test
  void aSourceWithoutSettledCountersHasNone() throws IOException {
    try (StatsServer server = new StatsServer()) {
      server.answer(StatsServer.trafficStats(2000, 20, 0.99, 1.25, 9.5));

      assertThat(client.read("127.0.0.1", server.port()).settled()).isNull();
    }
  }

  @Test
  void statsWithoutTrafficIsNotATrafficSource() throws IOException {
    try (StatsServer server = new StatsServer()) {
      server.answer("{\"instance\":\"lamp.us-east-1.zoneA.webserver00\",\"count\":7}");

      assertThatThrownBy(() -> client.read("127.0.0.1", server.port()))
          .isInstanceOf(IOException.class)
          .hasMessageEndingWith("has no traffic object (not a traffic source?)");
    }
  }

  @Test
  void anHttpErrorIsAnIoException() throws IOException {
    try (StatsServer server = new StatsServer()) {
      server.fail(503);

      assertThatThrownBy(() -> client.read("127.0.0.1", server.port()))
          .isInstanceOf(IOException.class)
          .hasMessageEndingWith("/stats answered HTTP 503");
    }
  }

  @Test
  void aClosedPortIsAnIoException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    int closed = port;
    assertThatThrownBy(() -> client.read("127.0.0.1", closed)).isInstanceOf(IOException.class);
  }
}
