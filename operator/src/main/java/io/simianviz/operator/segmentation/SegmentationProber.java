package io.simianviz.operator.segmentation;

import io.simianviz.api.segmentation.ProbeOutcome;
import io.simianviz.api.segmentation.SegmentationProbe;
import java.io.IOException;

/** Asks one pod, on its admin port, to try a connection and say how it ended. */
public interface SegmentationProber {
  /**
   * Asks one pod to open a connection and reports what happened.
   *
   * @param podIp the calling pod's IP address
   * @param adminPort the calling pod's admin port
   * @throws IOException when the pod cannot be asked or answers with something else than a probe
   *     result
   */
  ProbeOutcome probe(String podIp, int adminPort, SegmentationProbe probe) throws IOException;
}
