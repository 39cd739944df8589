package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kill counts only with a replacement that can be seen serving before the traffic stops. */
class LocalChaosTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void aKillIsRecordedWithTheTimeItsReplacementWasUp() throws Exception {
    TestRuns.Result result =
        TestRuns.run(TestRuns.lamp(""), TestRuns.options(out, Duration.ofSeconds(4), 100.0));
    assertThat(result.exit()).as(result.err()).isZero();

    JsonNode chaos = JSON.readTree(out.resolve("summary.json").toFile()).get("chaos");
    assertThat(chaos).hasSize(1);
    long killed = chaos.get(0).get("timeMs").asLong();
    assertThat(chaos.get(0).get("replacedMs").asLong()).isGreaterThanOrEqualTo(killed + 300);
    assertThat(result.console()).contains("chaos monkey killed").contains("replaced");
  }

  @Test
  void noKillIsMadeWhoseReplacementWouldComeAfterTheEnd() throws Exception {
    // Half-way through 2 s is 1 s; a replacement 3 s later would come after the run.
    TestRuns.Result result =
        TestRuns.run(
            TestRuns.lamp(""),
            TestRuns.options(out, Duration.ofSeconds(2), 100.0, Duration.ofSeconds(3), false));
    assertThat(result.exit()).as(result.err()).isZero();

    assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("chaos")).isEmpty();
    assertThat(result.console())
        .contains("chaos monkey held back: a replacement 3.0 s after a kill would not be seen")
        .doesNotContain("chaos monkey killed");
  }

  @Test
  void anIntervalMonkeyStopsStrikingWhenTheReplacementCouldNotBeSeen() throws Exception {
    // Strikes at 1 s and 2 s; one at 3 s would be replaced at 3.3 s, too close to the end at 4 s.
    TestRuns.Result result =
        TestRuns.run(
            TestRuns.lamp("chaos: {monkey: {interval: 1s}}"),
            TestRuns.options(out, Duration.ofSeconds(4), 100.0));
    assertThat(result.exit()).as(result.err()).isZero();

    JsonNode chaos = JSON.readTree(out.resolve("summary.json").toFile()).get("chaos");
    assertThat(chaos).hasSize(2);
    for (JsonNode kill : chaos) {
      assertThat(kill.get("replacedMs").isNumber()).as(kill.toString()).isTrue();
    }
    assertThat(result.console()).contains("chaos monkey held back");
  }
}
