package io.simianviz.operator.segmentation;

import io.simianviz.api.segmentation.SegmentationResult;
import io.simianviz.api.v1alpha1.SegmentationStatus;
import java.time.Instant;

/**
 * One round of an architecture's segmentation probes: what they found, for which spec generation,
 * and when.
 */
public record ProbeRound(long generation, SegmentationResult result, Instant checked) {
  /** The status section of this round. */
  public SegmentationStatus toStatus() {
    return result.toStatus(checked);
  }

  /**
   * The same generation and the same findings, times and milliseconds aside: a round that says
   * nothing new.
   */
  boolean repeats(ProbeRound earlier) {
    return earlier != null
        && generation == earlier.generation
        && SegmentationResult.sameFindings(toStatus(), earlier.toStatus());
  }
}
