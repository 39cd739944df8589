package io.simianviz.api.segmentation;

/**
 * One connection attempt the operator asks a pod of {@code fromTier} to make: to the ClusterIP
 * Service of {@code toTier} on the service port.
 *
 * @param host the Service's DNS name ({@code <service>.<namespace>.svc})
 */
public record SegmentationProbe(
    String fromTier, String toTier, String host, int port, Expectation expect) {
  /** The edge as the status names it: {@code a -> b}. */
  public String edge() {
    return fromTier + " -> " + toTier;
  }
}
