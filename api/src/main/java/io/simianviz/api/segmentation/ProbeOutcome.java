package io.simianviz.api.segmentation;

/**
 * What one probe found.
 *
 * @param outcome the nanoservice's answer ({@code connected refused timeout unresolved failed}), or
 *     why there is none ({@code no-pod} when the calling tier has no running pod, {@code error}
 *     when its admin port could not be asked)
 * @param millis the time the connection attempt took, -1 when there was no attempt
 */
public record ProbeOutcome(SegmentationProbe probe, String outcome, long millis) {
  public static final String CONNECTED = "connected";
  public static final String TIMEOUT = "timeout";
  public static final String NO_POD = "no-pod";
  public static final String ERROR = "error";

  /**
   * Whether the probe found what it expected. Only a timeout proves a drop: a refused connection or
   * a name that does not resolve says nothing about the NetworkPolicies.
   */
  public boolean met() {
    return probe.expect() == Expectation.REACHABLE
        ? CONNECTED.equals(outcome)
        : TIMEOUT.equals(outcome);
  }

  /** {@code a -> b: expected blocked, got connected (3 ms)}. */
  public String describe() {
    String took = millis >= 0 ? " (" + millis + " ms)" : "";
    return probe.edge() + ": expected " + probe.expect().word() + ", got " + outcome + took;
  }
}
