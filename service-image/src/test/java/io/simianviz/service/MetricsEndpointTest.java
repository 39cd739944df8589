package io.simianviz.service;

import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.Series;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of instances sharing one process, as in the local runtime: each serves its own
 * series, labelled with who it is, so that scraping them all counts every request once.
 */
class MetricsEndpointTest {
  @TempDir Path dir;
  Fleet fleet;
  Nanoservice dbA;
  Nanoservice dbB;
  Nanoservice api;

  @BeforeEach
  void start() {
    fleet = new Fleet(dir, CallPolicy.defaults());
    dbA = fleet.start(Fleet.config("db", STORE, "zoneA"));
    dbB = fleet.start(Fleet.config("db", STORE, "zoneB"));
    api = fleet.start(Fleet.config("api", KARYON, "zoneA", "db:store"));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void eachInstanceCountsOnlyItsOwnRequests() throws Exception {
    for (int i = 0; i < 3; i++) {
      fleet.call(dbA, Request.put("k" + i, "v"), null);
    }
    for (int i = 0; i < 5; i++) {
      fleet.call(dbB, Request.get("k" + i), null);
    }
    // The same-zone instance first: api's calls go to dbA.
    fleet.call(api, Request.get("k1"), null);

    String a = labels(dbA);
    String b = labels(dbB);
    awaitMetrics(dbA, "simianviz_service_requests_total{" + a + ",op=\"GET\"} 1\n");
    awaitMetrics(dbB, "simianviz_service_requests_total{" + b + ",op=\"GET\"} 5\n");
    String metricsA = metrics(dbA);
    String metricsB = metrics(dbB);
    assertThat(metricsA)
        .contains("simianviz_service_requests_total{" + a + ",op=\"PUT\"} 3\n")
        .contains("simianviz_service_latency_seconds_count{" + a + ",op=\"PUT\"} 3\n")
        .doesNotContain(dbB.config().name(), api.config().name(), "simianviz_edge_");
    assertThat(metricsB)
        .contains("simianviz_service_latency_seconds_count{" + b + ",op=\"GET\"} 5\n")
        .doesNotContain(dbA.config().name(), api.config().name(), "op=\"PUT\"");
    String apiLabels = labels(api);
    awaitMetrics(api, "simianviz_edge_requests_total{" + apiLabels + ",to=\"db\"} 1\n");
    assertThat(metrics(api))
        .contains("simianviz_service_requests_total{" + apiLabels + ",op=\"GET\"} 1\n")
        .doesNotContain(dbA.config().name(), dbB.config().name());

    // The tier's statistics (/stats, /histogram) still count every instance of the tier.
    assertThat(fleet.stats(Series.Kind.SERVICE, "db", "PUT").count()).isEqualTo(3);
    assertThat(fleet.stats(Series.Kind.SERVICE, "db", "GET").count()).isEqualTo(6);
  }

  @Test
  void latenciesAreHistogramBucketsFrom100MicrosecondsTo10Seconds() throws Exception {
    for (int i = 0; i < 4; i++) {
      fleet.call(dbA, Request.get("k" + i), null);
    }

    String a = labels(dbA);
    String bucket = "simianviz_service_latency_seconds_bucket{" + a + ",op=\"GET\",le=";
    awaitMetrics(dbA, bucket + "\"+Inf\"} 4\n");
    String text = metrics(dbA);
    assertThat(text)
        .contains("# TYPE simianviz_service_latency_seconds histogram\n")
        .contains(bucket + "\"10\"} 4\n")
        .contains("simianviz_service_latency_seconds_count{" + a + ",op=\"GET\"} 4\n")
        .containsPattern("simianviz_service_latency_seconds_sum\\{" + ".*op=\"GET\"} 0\\.\\d+\n")
        .doesNotContain("quantile");
    for (String le :
        new String[] {
          "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
          "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"
        }) {
      assertThat(text).contains(bucket + "\"" + le + "\"} ");
    }
  }

  private static String labels(Nanoservice s) {
    InstanceConfig c = s.config();
    return "architecture=\""
        + c.arch()
        + "\",region=\""
        + c.region()
        + "\",zone=\""
        + c.zone()
        + "\",tier=\""
        + c.tier()
        + "\",instance=\""
        + c.name()
        + "\"";
  }

  private String metrics(Nanoservice s) {
    String response = fleet.get(s, "/metrics");
    assertThat(response).startsWith("200 ");
    return response.substring("200 ".length());
  }

  /** A series is recorded as the reply goes out, so the client can see the reply first. */
  private void awaitMetrics(Nanoservice s, String line) throws InterruptedException {
    try {
      Fleet.eventually(Duration.ofSeconds(5), () -> metrics(s).contains(line));
    } catch (AssertionError timedOut) {
      assertThat(metrics(s)).contains(line);
    }
  }
}
