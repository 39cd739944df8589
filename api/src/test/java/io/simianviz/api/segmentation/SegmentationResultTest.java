package io.simianviz.api.segmentation;

import static io.simianviz.api.segmentation.Expectation.BLOCKED;
import static io.simianviz.api.segmentation.Expectation.REACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.simianviz.api.v1alpha1.SegmentationStatus;
import io.simianviz.api.v1alpha1.TierSegmentation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationResultTest {
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678Z");

  @Test
  void allExpectationsMetIsSegmented() {
    SegmentationResult result =
        new SegmentationResult(
            List.of(
                outcome("web", "db", REACHABLE, "connected", 2),
                outcome("web", "www", BLOCKED, "timeout", 1000),
                outcome("db", "web", BLOCKED, "timeout", 1000)));

    assertThat(result.summary()).isEqualTo("SEGMENTED 3/3");
    assertThat(result.allMet()).isTrue();
    assertThat(result.conditionMessage())
        .isEqualTo("declared edges reachable 1/1, undeclared edges blocked 2/2");
    SegmentationStatus status = result.toStatus(NOW);
    assertThat(status.getChecked()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(status.getTiers())
        .extracting(
            TierSegmentation::getName,
            TierSegmentation::getDeclaredReachable,
            TierSegmentation::getUndeclaredBlocked,
            TierSegmentation::getFailing)
        .containsExactly(
            tuple("web", "1/1", "1/1", List.of()), tuple("db", "0/0", "1/1", List.of()));
  }

  @Test
  void anUnexpectedConnectionIsOpenAndNamed() {
    SegmentationResult result =
        new SegmentationResult(
            List.of(
                outcome("web", "db", REACHABLE, "connected", 2),
                outcome("web", "www", BLOCKED, "connected", 3),
                outcome("db", "web", BLOCKED, "timeout", 1000)));

    assertThat(result.summary()).isEqualTo("OPEN 2/3");
    assertThat(result.policiesNotEnforced()).isFalse();
    assertThat(result.toStatus(NOW).getTiers().get(0).getFailing())
        .containsExactly("web -> www: expected blocked, got connected (3 ms)");
    assertThat(result.toStatus(NOW).getUndeclaredBlocked()).isEqualTo("1/2");
    assertThat(result.conditionMessage())
        .isEqualTo(
            "declared edges reachable 1/1, undeclared edges blocked 1/2; failing: web -> www:"
                + " expected blocked, got connected (3 ms)");
  }

  @Test
  void everyUndeclaredEdgeConnectingSaysThePoliciesAreNotEnforced() {
    SegmentationResult result =
        new SegmentationResult(
            List.of(
                outcome("web", "db", REACHABLE, "connected", 2),
                outcome("web", "www", BLOCKED, "connected", 1),
                outcome("db", "web", BLOCKED, "connected", 1)));

    assertThat(result.policiesNotEnforced()).isTrue();
    assertThat(result.conditionMessage())
        .startsWith("NetworkPolicies are not being enforced")
        .contains("network plugin probably does not implement NetworkPolicies")
        .endsWith("db -> web: expected blocked, got connected (1 ms)");
  }

  @Test
  void refusedOrMissingPodsAreNeitherReachableNorBlocked() {
    SegmentationResult result =
        new SegmentationResult(
            List.of(
                outcome("web", "db", REACHABLE, "refused", 1),
                outcome("db", "web", BLOCKED, "refused", 1),
                outcome("www", "db", BLOCKED, ProbeOutcome.NO_POD, -1)));

    assertThat(result.summary()).isEqualTo("FAILING 0/3");
    assertThat(result.policiesNotEnforced()).isFalse();
    assertThat(result.toStatus(NOW).getTiers().get(2).getFailing())
        .containsExactly("www -> db: expected blocked, got no-pod");
  }

  @Test
  void theSameFindingsWithOtherTimesAreTheSame() {
    SegmentationStatus first =
        new SegmentationResult(List.of(outcome("web", "www", BLOCKED, "connected", 3)))
            .toStatus(NOW);
    SegmentationStatus later =
        new SegmentationResult(List.of(outcome("web", "www", BLOCKED, "connected", 7)))
            .toStatus(NOW.plusSeconds(300));
    SegmentationStatus changed =
        new SegmentationResult(List.of(outcome("web", "www", BLOCKED, "timeout", 1000)))
            .toStatus(NOW.plusSeconds(300));

    assertThat(SegmentationResult.sameFindings(first, later)).isTrue();
    assertThat(SegmentationResult.sameFindings(first, changed)).isFalse();
    assertThat(SegmentationResult.sameFindings(first, SegmentationResult.disabled())).isFalse();
  }

  private static ProbeOutcome outcome(
      String from, String to, Expectation expect, String outcome, long millis) {
    return new ProbeOutcome(
        new SegmentationProbe(from, to, to + ".shop.svc", 8080, expect), outcome, millis);
  }
}
