package io.simianviz.service;

import static io.simianviz.model.TierPackage.DENOMINATOR;
import static io.simianviz.model.TierPackage.ELB;
import static io.simianviz.model.TierPackage.KARYON;
import static io.simianviz.model.TierPackage.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.topology.Instance;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.traffic.TrafficSource;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every instance's {@code /metrics} passes {@code promtool check metrics} (Prometheus' own parser
 * and linter) with no findings. Runs when {@code promtool} is on the PATH (Debian's {@code
 * prometheus} package, which {@code .ci/run} installs); skipped otherwise.
 */
class MetricsPromtoolTest {
  @TempDir Path dir;

  @Test
  void everyInstancesMetricsPassPromtool() throws Exception {
    Optional<Path> promtool = onPath("promtool");
    Assumptions.assumeTrue(
        promtool.isPresent(),
        "promtool not installed: install Debian's prometheus package (apt-get install prometheus)"
            + " or put promtool on the PATH to check /metrics");
    try (Fleet fleet = new Fleet(dir, CallPolicy.defaults())) {
      // Every kind of series: service times, edges, a traffic source's end-to-end times, errors.
      List<Nanoservice> all = new ArrayList<>();
      all.add(fleet.start(Fleet.config("db", STORE, "zoneA")));
      all.add(fleet.start(Fleet.config("api", KARYON, "zoneA", "db:store", "gone:store")));
      all.add(fleet.start(Fleet.config("lb", ELB, Instance.ANY, "api:karyon")));
      Nanoservice www = fleet.start(Fleet.config("www", DENOMINATOR, Instance.ANY, "lb:elb"));
      all.add(www);
      TrafficSource traffic = www.startTraffic(TrafficSource.Options.of(100, 1, 1));
      Fleet.eventually(Duration.ofSeconds(20), () -> traffic.summary().requests() >= 40);
      traffic.stop();
      Fleet.eventually(
          Duration.ofSeconds(10), () -> traffic.summary().requests() == traffic.sent());
      fleet.call(all.get(1), Request.get("missing"), null);

      for (Nanoservice s : all) {
        String scraped = fleet.get(s, "/metrics");
        assertThat(scraped).startsWith("200 ");
        String body = scraped.substring("200 ".length());
        assertThat(check(promtool.orElseThrow(), body))
            .as("promtool check metrics on %s's /metrics:%n%s", s.config().tier(), body)
            .isEqualTo(new Result(0, ""));
      }
    }
  }

  record Result(int exitCode, String output) {}

  private static Result check(Path promtool, String body) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(body.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool did not finish within 30 s");
    }
    return new Result(p.exitValue(), output.strip());
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String entry : path.split(Pattern.quote(File.pathSeparator))) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
